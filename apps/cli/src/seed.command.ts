import { Command, Option } from 'nest-commander';
import { SampleDataService } from '@kakehashi/interchange';
import { systemContext } from '@kakehashi/kernel';
import { CliCommand } from './cli-command';
import { importSummary, ProgressReporter } from './cli-output';
import { DatabaseSession } from './database-session';

@Command({ name: 'seed', description: 'Load the sample directory (data/sample/directory.json) into an empty database.' })
export class SeedCommand extends CliCommand {
  constructor(private readonly session: DatabaseSession) {
    super();
  }

  @Option({ flags: '--force', description: 'import the sample even when the directory is not empty (upsert by key)' })
  parseForce(): boolean {
    return true;
  }

  async run(_args: string[], options: { force?: boolean } = {}): Promise<void> {
    const progress = new ProgressReporter('seed');
    try {
      const report = await this.session.run((app) => {
        const sampleData = app.get(SampleDataService);
        const ctx = systemContext('cli-seed');
        return options.force ? sampleData.load(ctx, { progress: progress.listener }) : sampleData.loadIfEmpty(ctx, { progress: progress.listener });
      });
      progress.stop();
      process.stdout.write(report ? importSummary(report) : 'The directory already has municipalities: nothing loaded (--force imports the sample anyway).\n');
    } finally {
      progress.stop();
    }
  }
}
