import { basename } from 'node:path';
import { Command } from 'nest-commander';
import { InterchangeImportService, parseDocument } from '@kakehashi/interchange';
import { systemContext } from '@kakehashi/kernel';
import { CliCommand } from './cli-command';
import { readInput } from './cli-files';
import { importSummary, ProgressReporter } from './cli-output';
import { DatabaseSession } from './database-session';

@Command({
  name: 'import',
  arguments: '<file>',
  argsDescription: { file: 'a kakehashi/v1 JSON document (- for stdin)' },
  description: 'Validate the whole document, then write all of it in one transaction, or nothing. Upserts by key.',
})
export class ImportCommand extends CliCommand {
  constructor(private readonly session: DatabaseSession) {
    super();
  }

  async run([file]: string[]): Promise<void> {
    // Unreadable or malformed input fails before any database is started.
    const document = parseDocument(await readInput(file!));
    const progress = new ProgressReporter('import');
    try {
      const report = await this.session.run((app) =>
        app.get(InterchangeImportService).import(systemContext('cli-import'), document, { label: file === '-' ? 'stdin' : basename(file!), progress: progress.listener }),
      );
      progress.stop();
      process.stdout.write(importSummary(report));
    } finally {
      progress.stop();
    }
  }
}
