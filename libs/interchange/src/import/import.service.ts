import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { ClientBase } from 'pg';
import { AuditService, deferSearchSyncStatement, searchSyncStatements, SEARCHABLE, TransactionalConnection } from '@kakehashi/database';
import { CalendarService, TaxonomyService } from '@kakehashi/directory';
import type { ErrorDetail, RequestContext } from '@kakehashi/kernel';
import { INTERCHANGE_FORMAT, SECTIONS, type Section } from '../document';
import { invalidDocument } from '../interchange.errors';
import type { ProgressListener } from '../progress';
import { externalReferences, type KnownKeys } from '../validation/semantic-checks';
import { DocumentChecker, documentProblems, parseDocument } from '../validation/validate-document';
import { partsOf, partsOfStream, type DocumentPart } from './document-reader';
import { WRITE_ORDER, type SectionWriter } from './section-writers';
import { StagingCopy } from './staging';
import {
  CLEAR_WORK_TABLES,
  childDeleteStatement,
  childDiffStatement,
  childInsertStatement,
  rememberChangedStatement,
  rememberSearchStatement,
  stagingName,
  stagingTableStatement,
  stampParameters,
  touchStatement,
  upsertStatement,
  WORK_TABLES,
  writtenCountsStatement,
} from './upsert.sql';

export interface SectionCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  sections: Record<Section, SectionCounts>;
  elapsedMs: number;
  /** Tables whose statistics were refreshed (ANALYZE) because the import changed much of them. */
  analyzed: string[];
}

export interface ImportOptions {
  progress?: ProgressListener;
  /** Names the document in the audit trail (e.g. the file name). */
  label?: string;
}

export interface StreamImportOptions extends ImportOptions {
  /** Size of the stream in bytes, when known: read progress is reported against it. */
  totalBytes?: number;
}

/** Longest a single statement of an import may take (the merge of a section of a million rows). */
const IMPORT_STATEMENT_TIMEOUT = '10min';
/** Records read between two progress reports. */
const PROGRESS_EVERY = 5000;
/**
 * After an import, a table is analysed when the rows it changed reach autovacuum's own threshold
 * (PostgreSQL's defaults: 50 rows plus 10 % of the table) — at once, instead of minutes later.
 */
const ANALYZE_THRESHOLD = { rows: 50, share: 0.1 };

const hasChanges = (sections: Record<Section, SectionCounts>): boolean => SECTIONS.some((s) => sections[s].created + sections[s].updated > 0);
const WRITERS = new Map(WRITE_ORDER.map((w) => [w.section, w]));

/**
 * Imports kakehashi/v1 documents: validates the whole document against the directory, then
 * upserts every record by key in ONE transaction — all or nothing. Re-importing the same document
 * changes nothing (no version bump, no updated_at). Records absent from the document are left alone.
 *
 * How: the document is read part by part (a stream is never held whole); each record is validated
 * as it comes and COPied into a temporary staging table of its section. Only when the whole document
 * is valid are the staging tables merged into the directory, with a few set-based statements per
 * section. Tables the import changed much are analysed before commit.
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
    const refs = externalReferences(input);
    const topics = await this.topicKeys(ctx);
    return documentProblems(input, { topics, today: this.calendar.today(), ...(await this.existingKeys(ctx, refs)) });
  }

  /** Parses and imports the text of a document (malformed JSON is BAD_USER_INPUT at `$`). */
  async importText(ctx: RequestContext, text: string, options: ImportOptions = {}): Promise<ImportReport> {
    return this.import(ctx, parseDocument(text), options);
  }

  /** Throws BAD_USER_INPUT (InvalidDocumentError) listing the problems; then nothing is written. */
  async import(ctx: RequestContext, input: unknown, options: ImportOptions = {}): Promise<ImportReport> {
    const total = typeof input === 'object' && input !== null ? SECTIONS.reduce((n, s) => n + ((input as Record<string, unknown[]>)[s]?.length ?? 0), 0) : 0;
    return this.importParts(ctx, partsOf(input), options, (records) => ({ done: records, total }));
  }

  /** Imports a document read from a byte stream (a file, stdin), holding one record at a time. */
  async importStream(ctx: RequestContext, input: Readable, options: StreamImportOptions = {}): Promise<ImportReport> {
    let bytes = 0;
    const parts = partsOfStream(input, (n) => (bytes = n));
    const mb = (n: number) => Math.round(n / 1e6);
    return this.importParts(ctx, parts, { ...options, progress: options.progress && ((p) => options.progress!(p.phase === 'read' ? { ...p, phase: 'read MB' } : p)) }, () => ({
      done: mb(bytes),
      total: mb(Math.max(bytes, options.totalBytes ?? bytes)),
    }));
  }

  private async importParts(
    ctx: RequestContext,
    parts: Iterable<DocumentPart> | AsyncIterable<DocumentPart>,
    options: ImportOptions,
    readProgress: (records: number) => { done: number; total: number },
  ): Promise<ImportReport> {
    const started = performance.now();
    const progress = options.progress ?? (() => undefined);
    const { sections, analyzed } = await this.db.withTransaction(ctx, async (tx) => {
      const manager = this.db.manager(tx);
      // A large document is a long transaction by nature: the pool's statement timeout is for requests.
      await manager.query(`SET LOCAL statement_timeout = '${IMPORT_STATEMENT_TIMEOUT}'`);
      const client = (await manager.queryRunner!.connect()) as ClientBase;
      for (const sql of [...WORK_TABLES, ...WRITE_ORDER.map((w) => stagingTableStatement(w.table, w.children.length))]) {
        await manager.query(`DROP TABLE IF EXISTS pg_temp.${sql.match(/TEMP TABLE (\w+)/)![1]}`);
        await manager.query(sql);
      }
      // The search table's triggers wait: the merges below tell kk_import_search what they changed (ADR 28).
      await manager.query(deferSearchSyncStatement);
      const today = this.calendar.today();
      const checker = new DocumentChecker(await this.topicKeys(tx), today);
      const staged = await this.stage(client, parts, checker, (records) => progress({ phase: 'read', ...readProgress(records) }));
      // Inside the transaction, so the referenced records are locked against deletion until commit.
      const problems = checker.finish(await this.existingKeys(tx, checker.externalReferences()));
      if (problems.length) throw invalidDocument(problems);
      const report = Object.fromEntries(SECTIONS.map((s) => [s, { created: 0, updated: 0, unchanged: 0 }])) as Record<Section, SectionCounts>;
      for (const writer of WRITE_ORDER) {
        const rows = staged.get(writer.section) ?? 0;
        if (!rows) continue;
        progress({ phase: writer.section, done: 0, total: rows });
        report[writer.section] = await this.merge(tx, writer, rows, today);
        progress({ phase: writer.section, done: rows, total: rows });
      }
      for (const sql of searchSyncStatements('kk_import_search')) await manager.query(sql);
      const refreshed = await this.analyzeChanged(tx, report);
      if (hasChanges(report)) await this.audit.record(tx, { action: 'import', entity: 'directory', key: options.label ?? INTERCHANGE_FORMAT, after: report });
      return { sections: report, analyzed: refreshed };
    });
    return { sections, analyzed, elapsedMs: Math.round(performance.now() - started) };
  }

  /**
   * Reads every part: validates it, and COPies each valid record into its section's staging
   * table while the document is still valid. Returns the records staged per section.
   */
  private async stage(
    client: ClientBase,
    parts: Iterable<DocumentPart> | AsyncIterable<DocumentPart>,
    checker: DocumentChecker,
    onRead: (records: number) => void,
  ): Promise<Map<Section, number>> {
    const staged = new Map<Section, number>();
    let section: Section | null = null;
    let copy: StagingCopy | null = null;
    let records = 0;
    try {
      for await (const part of parts) {
        switch (part.kind) {
          case 'notAnObject':
            checker.notAnObject(part.value);
            break;
          case 'field':
            checker.field(part.name, part.value);
            break;
          case 'array':
            section = checker.section(part.name) ? (part.name as Section) : null;
            if (section && !checker.problemCount) copy = new StagingCopy(client, WRITERS.get(section)!);
            break;
          case 'element':
            if (!section) break;
            if (checker.record(section, part.index, part.value) && !checker.problemCount) await copy?.add(part.value);
            if (++records % PROGRESS_EVERY === 0) onRead(records);
            break;
          case 'endArray':
            if (copy) {
              await copy.finish();
              staged.set(section!, (staged.get(section!) ?? 0) + copy.rows);
            }
            section = null;
            copy = null;
            break;
        }
      }
    } catch (e) {
      copy?.abort();
      throw e;
    }
    onRead(records);
    return staged;
  }

  /**
   * Merges a section's staging table into its table: the upsert (only differing rows are
   * written), then for each child table the parents whose stored children differ get theirs
   * replaced, and new parents get theirs. A parent changed only in its children gets its version
   * bumped too, so it counts (and reads) as updated.
   */
  private async merge(ctx: RequestContext, writer: SectionWriter<unknown>, rows: number, today: string): Promise<SectionCounts> {
    const manager = this.db.manager(ctx);
    const day = stampParameters(writer.table, today);
    await manager.query(CLEAR_WORK_TABLES);
    await manager.query(upsertStatement(writer.table), day);
    for (const [i, child] of writer.children.entries()) {
      await manager.query('TRUNCATE kk_import_changed');
      await manager.query(childDiffStatement(child.spec, i));
      await manager.query(childDeleteStatement(child.spec));
      await manager.query(childInsertStatement(child.spec, i));
      await manager.query(rememberChangedStatement);
    }
    const [{ created, updated }] = await manager.query(writtenCountsStatement);
    const onlyChildren = writer.children.length ? (await manager.query(touchStatement(writer.table), day))[0].n : 0;
    if (writer.search) await manager.query(rememberSearchStatement(writer.table, writer.search));
    await manager.query(`TRUNCATE ${stagingName(writer.table.table)}`);
    return { created, updated: updated + onlyChildren, unchanged: rows - created - updated - onlyChildren };
  }

  /**
   * ANALYZE (inside the transaction: its statistics count this import's rows) every table whose
   * changed rows reach ANALYZE_THRESHOLD, with its child tables. Autovacuum would get there
   * minutes later; until then the planner reads a much smaller directory and picks bad plans.
   */
  private async analyzeChanged(ctx: RequestContext, report: Record<Section, SectionCounts>): Promise<string[]> {
    const manager = this.db.manager(ctx);
    const tables: string[] = [];
    for (const writer of WRITE_ORDER) {
      const counts = report[writer.section];
      const changed = counts.created + counts.updated;
      if (!changed) continue;
      const [{ n }] = await manager.query(`SELECT count(*)::int AS n FROM ${writer.table.table}`);
      if (changed >= ANALYZE_THRESHOLD.rows + ANALYZE_THRESHOLD.share * n) tables.push(writer.table.table, ...writer.children.map((c) => c.spec.table));
    }
    // Their search entries changed with them (ADR 28): the partitions search reads, not the parent (which would sample them all again).
    tables.push(...SEARCHABLE.filter((s) => tables.includes(s.table)).map((s) => s.partition));
    if (tables.length) await manager.query(`ANALYZE ${tables.join(', ')}`);
    return tables;
  }

  private async topicKeys(ctx: RequestContext): Promise<Set<string>> {
    return new Set((await this.taxonomy.list(ctx)).map((t) => t.key));
  }

  /** Which of these keys exist in the database (locked FOR KEY SHARE inside a transaction). */
  private async existingKeys(ctx: RequestContext, refs: { municipalities: string[]; events: string[] }): Promise<Pick<KnownKeys, 'municipalities' | 'events'>> {
    const manager = this.db.manager(ctx);
    const lock = ctx.transaction ? ' FOR KEY SHARE' : '';
    const existing = async (table: string, keys: string[]): Promise<Set<string>> => {
      if (!keys.length) return new Set();
      const rows: { key: string }[] = await manager.query(`SELECT key FROM ${table} WHERE key = ANY($1::text[])${lock}`, [keys]);
      return new Set(rows.map((r) => r.key));
    };
    return { municipalities: await existing('municipality', refs.municipalities), events: await existing('event', refs.events) };
  }
}
