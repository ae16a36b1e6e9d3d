import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type { ClientBase } from 'pg';
import type { SectionWriter } from './section-writers';
import { copyStatement, stagedColumns } from './upsert.sql';

/*
 * Rows in PostgreSQL's COPY text format: tab-separated, \N for null, backslash escapes; arrays as
 * array literals, child lists as JSON. Validation has already guaranteed every value fits its column.
 */

const escapeText = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t');
const arrayLiteral = (items: unknown[]): string => `{${items.map((i) => (i === null ? 'NULL' : `"${String(i).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;

function field(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (Array.isArray(value)) return escapeText(arrayLiteral(value));
  return escapeText(String(value));
}

/** One record as a line of the section's COPY: its row, then each child's rows and signature. */
export function copyLine(writer: SectionWriter<unknown>, record: unknown): string {
  const row = writer.row(record) as Record<string, unknown>;
  const values = stagedColumns(writer.table).map((c) => field(row[c.name]));
  for (const child of writer.children) values.push(escapeText(JSON.stringify(child.rows(record))), escapeText(JSON.stringify(child.signature(record))));
  return `${values.join('\t')}\n`;
}

/** Lines gathered before one write to the COPY stream: fewer, larger writes. */
const FLUSH_CHARS = 256 * 1024;

/**
 * A COPY into a section's staging table on the transaction's own connection. `add` applies the
 * stream's backpressure; `finish` resolves when PostgreSQL has the rows (and rejects with its error).
 */
export class StagingCopy {
  private readonly stream: Writable;
  private readonly done: Promise<unknown>;
  private buffer: string[] = [];
  private chars = 0;
  rows = 0;

  constructor(
    client: ClientBase,
    private readonly writer: SectionWriter<unknown>,
  ) {
    this.stream = client.query(copyFrom(copyStatement(writer.table, writer.children.length)));
    this.done = once(this.stream, 'finish');
    this.done.catch(() => undefined); // reported by finish()
  }

  async add(record: unknown): Promise<void> {
    const line = copyLine(this.writer, record);
    this.buffer.push(line);
    this.chars += line.length;
    this.rows += 1;
    if (this.chars >= FLUSH_CHARS) await this.flush();
  }

  async finish(): Promise<void> {
    await this.flush();
    this.stream.end();
    await this.done;
  }

  /** Stops the COPY (the transaction is being rolled back). */
  abort(): void {
    this.stream.destroy(new Error('import aborted'));
  }

  private async flush(): Promise<void> {
    if (!this.buffer.length) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.chars = 0;
    if (!this.stream.write(chunk)) await Promise.race([once(this.stream, 'drain'), this.done]);
  }
}
