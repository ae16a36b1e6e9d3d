import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@kakehashi/database';
import { CalendarService } from '@kakehashi/directory';
import type { RequestContext } from '@kakehashi/kernel';
import { INTERCHANGE_FORMAT, SECTIONS, type Section } from '../document';
import type { ProgressListener } from '../progress';
import { SECTION_READERS } from './section-readers';

/** Records fetched (and held in memory) at a time. */
export const EXPORT_PAGE_SIZE = 1000;

/** Where export text goes; `write` may return a promise to apply backpressure. */
export interface ExportSink {
  write(text: string): Promise<void> | void;
}

export interface ExportOptions {
  progress?: ProgressListener;
  pageSize?: number;
}

export interface ExportReport {
  counts: Record<Section, number>;
  elapsedMs: number;
}

/** A record as it sits inside a section: JSON.stringify(…, null, 2) indented two levels. */
const indented = (record: object): string => `    ${JSON.stringify(record, null, 2).replace(/\n/g, '\n    ')}`;

/**
 * Writes the whole directory as a canonical kakehashi/v1 document: sections in `SECTIONS` order,
 * records sorted by key, every field present (null / []), children in stored order. The text is
 * exactly `JSON.stringify(document, null, 2) + "\n"`, written page by page, so a large directory
 * never sits in memory at once and export → import → export is byte-identical.
 */
@Injectable()
export class InterchangeExportService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly calendar: CalendarService = new CalendarService(),
  ) {}

  async exportTo(ctx: RequestContext, sink: ExportSink, options: ExportOptions = {}): Promise<ExportReport> {
    const started = performance.now();
    const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE;
    const progress = options.progress ?? (() => undefined);
    const day = { today: this.calendar.today() };
    const fresh = !ctx.transaction;
    const counts = await this.db.withTransaction(ctx, async (tx) => {
      const manager = this.db.manager(tx);
      // One snapshot for every page: a write committed mid-export cannot tear the document.
      if (fresh) await manager.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const totals = await this.totals(tx);
      await sink.write(`{\n  "format": ${JSON.stringify(INTERCHANGE_FORMAT)}`);
      for (const reader of SECTION_READERS) {
        await sink.write(`,\n  ${JSON.stringify(reader.section)}: [`);
        let done = 0;
        progress({ phase: reader.section, done, total: totals[reader.section] });
        for (let cursor = reader.start; ; ) {
          const { records, last } = await reader.page(manager, cursor, pageSize, day);
          if (!records.length) break;
          await sink.write(records.map((r, i) => (done + i === 0 ? '\n' : ',\n') + indented(r)).join(''));
          done += records.length;
          cursor = last;
          progress({ phase: reader.section, done, total: Math.max(done, totals[reader.section]) });
          if (records.length < pageSize) break;
        }
        await sink.write(done ? '\n  ]' : ']');
        totals[reader.section] = done;
      }
      await sink.write('\n}\n');
      return totals;
    });
    return { counts, elapsedMs: Math.round(performance.now() - started) };
  }

  /** The whole document as one string (tests, small directories). */
  async exportToString(ctx: RequestContext, options: ExportOptions = {}): Promise<string> {
    const parts: string[] = [];
    await this.exportTo(ctx, { write: (text) => void parts.push(text) }, options);
    return parts.join('');
  }

  private async totals(ctx: RequestContext): Promise<Record<Section, number>> {
    const select = SECTION_READERS.map((r) => `(SELECT count(*)::int FROM ${r.table}) AS "${r.section}"`).join(', ');
    const [row] = await this.db.manager(ctx).query(`SELECT ${select}`);
    return Object.fromEntries(SECTIONS.map((s) => [s, row[s] as number])) as Record<Section, number>;
  }
}
