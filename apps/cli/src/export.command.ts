import { Command } from 'nest-commander';
import { InterchangeExportService, SECTIONS } from '@kakehashi/interchange';
import { systemContext } from '@kakehashi/kernel';
import { CliCommand } from './cli-command';
import { withOutput } from './cli-files';
import { ProgressReporter, table } from './cli-output';
import { DatabaseSession } from './database-session';

@Command({
  name: 'export',
  arguments: '<file>',
  argsDescription: { file: 'where to write the kakehashi/v1 document (- for stdout)' },
  description: 'Write the whole directory as a canonical kakehashi/v1 document that import reads back losslessly.',
})
export class ExportCommand extends CliCommand {
  constructor(private readonly session: DatabaseSession) {
    super();
  }

  async run([file]: string[]): Promise<void> {
    const progress = new ProgressReporter('export');
    try {
      const report = await this.session.run((app) =>
        withOutput(file!, (sink) => app.get(InterchangeExportService).exportTo(systemContext('cli-export'), sink, { progress: progress.listener })),
      );
      progress.stop();
      const summary = table(['type', 'records'], SECTIONS.map((s) => [s, report.counts[s]])) + `elapsed ms: ${report.elapsedMs}\n`;
      // With `-` stdout carries the document itself, so the summary goes to stderr.
      (file === '-' ? process.stderr : process.stdout).write(summary);
    } finally {
      progress.stop();
    }
  }
}
