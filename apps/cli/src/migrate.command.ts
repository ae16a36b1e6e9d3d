import { Command } from 'nest-commander';
import { TransactionalConnection } from '@kakehashi/database';
import { CliCommand } from './cli-command';
import { DatabaseSession } from './database-session';

@Command({ name: 'migrate', description: 'Apply pending database migrations (and list those applied).' })
export class MigrateCommand extends CliCommand {
  constructor(private readonly session: DatabaseSession) {
    super();
  }

  async run(): Promise<void> {
    await this.session.run(async (app) => {
      // Opening the connection applies pending migrations (migrationsRun); this checks and reports.
      const { dataSource } = app.get(TransactionalConnection);
      await dataSource.runMigrations({ transaction: 'all' });
      const applied: { name: string }[] = await dataSource.query('SELECT name FROM migrations ORDER BY id');
      process.stdout.write(`${applied.map((m) => `applied  ${m.name}`).join('\n')}\nthe database is up to date (${applied.length} migrations)\n`);
    });
  }
}
