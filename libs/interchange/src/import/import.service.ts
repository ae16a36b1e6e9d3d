import { Injectable } from '@nestjs/common';
import { AuditService, TransactionalConnection } from '@kakehashi/database';
import { CalendarService, TaxonomyService } from '@kakehashi/directory';
import type { ErrorDetail, RequestContext } from '@kakehashi/kernel';
import { INTERCHANGE_FORMAT, SECTIONS, type KakehashiDocument, type Section } from '../document';
import type { ProgressListener } from '../progress';
import { externalReferences, type KnownKeys } from '../validation/semantic-checks';
import { assertValidDocument, documentProblems, parseDocument } from '../validation/validate-document';
import { WRITE_ORDER, type SectionWriter } from './section-writers';
import { childDeleteStatement, childDiffStatement, childInsertStatement, touchStatement, upsertStatement } from './upsert.sql';

/** Records per statement: large enough to amortise round trips, small enough to keep each one quick. */
export const IMPORT_CHUNK_SIZE = 2000;

export interface SectionCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  sections: Record<Section, SectionCounts>;
  elapsedMs: number;
}

export interface ImportOptions {
  progress?: ProgressListener;
  /** Names the document in the audit trail (e.g. the file name). */
  label?: string;
}

const hasChanges = (sections: Record<Section, SectionCounts>): boolean => SECTIONS.some((s) => sections[s].created + sections[s].updated > 0);

/**
 * Imports kakehashi/v1 documents: validates the whole document against the directory, then
 * upserts every record by key in ONE transaction — all or nothing. Re-importing the same document
 * changes nothing (no version bump, no updated_at). Records absent from the document are left alone.
 */
@Injectable()
export class InterchangeImportService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly taxonomy: TaxonomyService,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService = new CalendarService(),
  ) {}

  /** Every problem of `input` against the directory as it is now; [] when it would import. */
  async validate(ctx: RequestContext, input: unknown): Promise<ErrorDetail[]> {
    return documentProblems(input, await this.knownKeys(ctx, input));
  }

  /** Parses and imports the text of a document (malformed JSON is BAD_USER_INPUT at `$`). */
  async importText(ctx: RequestContext, text: string, options: ImportOptions = {}): Promise<ImportReport> {
    return this.import(ctx, parseDocument(text), options);
  }

  /** Throws BAD_USER_INPUT (InvalidDocumentError) listing the problems; then nothing is written. */
  async import(ctx: RequestContext, input: unknown, options: ImportOptions = {}): Promise<ImportReport> {
    const started = performance.now();
    const progress = options.progress ?? (() => undefined);
    const sections = await this.db.withTransaction(ctx, async (tx) => {
      progress({ phase: 'validate', done: 0, total: 1 });
      // Inside the transaction, so the referenced records are locked against deletion until commit.
      const doc = assertValidDocument(input, await this.knownKeys(tx, input));
      progress({ phase: 'validate', done: 1, total: 1 });
      const report = Object.fromEntries(SECTIONS.map((s) => [s, { created: 0, updated: 0, unchanged: 0 }])) as Record<Section, SectionCounts>;
      for (const writer of WRITE_ORDER) {
        report[writer.section] = await this.writeSection(tx, writer, (doc as Required<KakehashiDocument>)[writer.section] ?? [], progress);
      }
      if (hasChanges(report)) await this.audit.record(tx, { action: 'import', entity: 'directory', key: options.label ?? INTERCHANGE_FORMAT, after: report });
      return report;
    });
    return { sections, elapsedMs: Math.round(performance.now() - started) };
  }

  /** The taxonomy, and which of the keys the document refers to without defining them exist. */
  private async knownKeys(ctx: RequestContext, input: unknown): Promise<KnownKeys> {
    const refs = externalReferences(input);
    const manager = this.db.manager(ctx);
    const lock = ctx.transaction ? ' FOR KEY SHARE' : '';
    const existing = async (table: string, keys: string[]): Promise<Set<string>> => {
      if (!keys.length) return new Set();
      const rows: { key: string }[] = await manager.query(`SELECT key FROM ${table} WHERE key = ANY($1::text[])${lock}`, [keys]);
      return new Set(rows.map((r) => r.key));
    };
    return {
      topics: new Set((await this.taxonomy.list(ctx)).map((t) => t.key)),
      municipalities: await existing('municipality', refs.municipalities),
      events: await existing('event', refs.events),
      today: this.calendar.today(),
    };
  }

  private async writeSection(ctx: RequestContext, writer: SectionWriter<unknown>, records: unknown[], progress: ProgressListener): Promise<SectionCounts> {
    const counts = { created: 0, updated: 0, unchanged: 0 };
    progress({ phase: writer.section, done: 0, total: records.length });
    for (let i = 0; i < records.length; i += IMPORT_CHUNK_SIZE) {
      const { created, updated } = await this.writeChunk(ctx, writer, records.slice(i, i + IMPORT_CHUNK_SIZE));
      counts.created += created;
      counts.updated += updated;
      progress({ phase: writer.section, done: Math.min(i + IMPORT_CHUNK_SIZE, records.length), total: records.length });
    }
    counts.unchanged = records.length - counts.created - counts.updated;
    return counts;
  }

  /**
   * One chunk: upsert the rows (only differing ones are touched), then for each child table find
   * the parents whose stored children differ and replace just those children. A parent changed only
   * in its children gets its version bumped too, so it counts (and reads) as updated.
   */
  private async writeChunk(ctx: RequestContext, writer: SectionWriter<unknown>, records: unknown[]): Promise<{ created: number; updated: number }> {
    const manager = this.db.manager(ctx);
    const day = writer.table.stamp ? [this.calendar.today()] : [];
    const written: { id: string; created: boolean }[] = await manager.query(upsertStatement(writer.table), [JSON.stringify(records.map(writer.row)), ...day]);
    const touched = new Set(written.map((w) => w.id));
    const created = written.filter((w) => w.created).length;
    // Parents whose children changed: id → key.
    const childChanged = new Map<string, string>();
    for (const child of writer.children) {
      const keyed = records as { key: string }[];
      const signatures = keyed.map((r) => ({ parent_key: r.key, signature: child.signature(r) }));
      const differing: { id: string; key: string }[] = await manager.query(childDiffStatement(child.spec), [JSON.stringify(signatures)]);
      if (!differing.length) continue;
      const ids = differing.map((d) => d.id);
      const keys = new Set(differing.map((d) => d.key));
      await manager.query(childDeleteStatement(child.spec), [ids]);
      const rows = keyed.filter((r) => keys.has(r.key)).flatMap((r) => child.rows(r));
      if (rows.length) await manager.query(childInsertStatement(child.spec), [JSON.stringify(rows)]);
      differing.forEach((d) => childChanged.set(d.id, d.key));
    }
    const onlyChildren = [...childChanged.keys()].filter((id) => !touched.has(id));
    if (onlyChildren.length) {
      const byKey = new Map((records as { key: string; lastConfirmedOn?: string | null }[]).map((r) => [r.key, r]));
      const rows = onlyChildren.map((id) => ({ id, stamp: byKey.get(childChanged.get(id)!)?.lastConfirmedOn ?? null }));
      await manager.query(touchStatement(writer.table), [JSON.stringify(rows), ...day]);
    }
    return { created, updated: written.length - created + onlyChildren.length };
  }
}
