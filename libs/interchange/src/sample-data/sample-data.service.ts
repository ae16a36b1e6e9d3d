import { Inject, Injectable } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { ROOT_LOGGER, type Logger } from '@kakehashi/config';
import { TransactionalConnection } from '@kakehashi/database';
import type { RequestContext } from '@kakehashi/kernel';
import { SECTIONS } from '../document';
import { InterchangeImportService, type ImportOptions, type ImportReport } from '../import/import.service';
import { SAMPLE_DIRECTORY_FILE, sampleDirectoryPath } from './sample-directory';

/** Loads data/sample/directory.json through the ordinary import. */
@Injectable()
export class SampleDataService {
  constructor(
    private readonly db: TransactionalConnection,
    private readonly importer: InterchangeImportService,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  /** Imports the sample directory whatever the database holds (upsert: existing records are updated). */
  async load(ctx: RequestContext, options: ImportOptions = {}): Promise<ImportReport> {
    const report = await this.importer.importText(ctx, await readFile(sampleDirectoryPath(), 'utf8'), { label: SAMPLE_DIRECTORY_FILE, ...options });
    const records = SECTIONS.reduce((n, s) => n + report.sections[s].created + report.sections[s].updated + report.sections[s].unchanged, 0);
    this.logger.info({ records, ms: report.elapsedMs, file: SAMPLE_DIRECTORY_FILE }, `sample directory loaded: ${records} records in ${report.elapsedMs} ms`);
    return report;
  }

  /**
   * Loads the sample directory only into a directory without municipalities; null when it has some.
   * The check and the import share one transaction under an advisory lock, so two processes
   * starting together on an empty database load it once.
   */
  async loadIfEmpty(ctx: RequestContext, options: ImportOptions = {}): Promise<ImportReport | null> {
    return this.db.withTransaction(ctx, async (tx) => {
      const manager = this.db.manager(tx);
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('kakehashi:sample-data'))`);
      const [{ found }] = await manager.query('SELECT EXISTS (SELECT 1 FROM municipality) AS found');
      if (found) return null;
      return this.load(tx, options);
    });
  }
}
