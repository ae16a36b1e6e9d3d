import { basename } from 'node:path';
import { Command } from 'nest-commander';
import { InterchangeImportService } from '@kakehashi/interchange';
import { systemContext } from '@kakehashi/kernel';
import { CliCommand } from './cli-command';
import { openInput } from './cli-files';
import { importSummary, ProgressReporter } from './cli-output';
import { DatabaseSession } from './database-session';

@Command({
  name: 'import',
  arguments: '<file>',
  argsDescription: { file: 'a kakehashi/v1 JSON document (- for stdin)' },
  description: 'Validate the whole document, then write all of it in one transaction, or nothing. Upserts by key. Streams the file: any size.',
})
export class ImportCommand extends CliCommand {
  constructor(private readonly session: DatabaseSession) {
    super();
  }

  async run([file]: string[]): Promise<void> {
    // An unreadable file fails before any database is started.
    const { stream, size } = await openInput(file!);
    const progress = new ProgressReporter('import');
    try {
      const report = await this.session.run((app) =>
        app.get(InterchangeImportService).importStream(systemContext('cli-import'), stream, {
          label: file === '-' ? 'stdin' : basename(file!),
          progress: progress.listener,
          totalBytes: size,
        }),
      );
      progress.stop();
      process.stdout.write(importSummary(report));
    } finally {
      progress.stop();
    }
  }
}
