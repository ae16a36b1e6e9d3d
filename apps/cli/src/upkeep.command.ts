import { Command, Option } from 'nest-commander';
import { systemContext } from '@kakehashi/kernel';
import { MAX_UPKEEP_ITEMS, UpkeepService } from '@kakehashi/upkeep';
import { CliCommand, invalidArgument } from './cli-command';
import { DatabaseSession } from './database-session';
import { upkeepJson, upkeepText } from './upkeep-output';

interface UpkeepOptions {
  json?: boolean;
  limit: number;
}

@Command({
  name: 'upkeep',
  description:
    'What coordinators should chase: stale profiles with their editors, needs expired or expiring, ACTIVE partnerships past their end, introductions nobody answered — each with who can fix it. Text, or --json for a script. Exit 0 when the list was made (whatever it holds).',
})
export class UpkeepCommand extends CliCommand {
  constructor(private readonly session: DatabaseSession) {
    super();
  }

  async run(_args: string[], options: UpkeepOptions): Promise<void> {
    const report = await this.session.run((app) => app.get(UpkeepService).report(systemContext('cli-upkeep'), options.limit));
    process.stdout.write(options.json ? upkeepJson(report) : upkeepText(report));
  }

  @Option({ flags: '--json', description: 'print JSON (for a mail script) instead of text' })
  parseJson(): boolean {
    return true;
  }

  @Option({ flags: '--limit <n>', description: `items shown per section (1–${MAX_UPKEEP_ITEMS})`, defaultValue: 100 })
  parseLimit(value: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > MAX_UPKEEP_ITEMS) throw invalidArgument(`Use an integer from 1 to ${MAX_UPKEEP_ITEMS}.`);
    return n;
  }
}
