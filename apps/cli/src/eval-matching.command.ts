import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command, Option } from 'nest-commander';
import { InterchangeImportService, parseDocument } from '@kakehashi/interchange';
import { systemContext } from '@kakehashi/kernel';
import { EvaluationService, evaluationMarkdown, metricsTable, spliceEvaluation, type EvaluationReport } from '@kakehashi/matching';
import { CliCommand } from './cli-command';
import { readInput } from './cli-files';
import { DatabaseSession } from './database-session';

interface EvalOptions {
  doc: string;
  write: boolean;
}

@Command({
  name: 'eval-matching',
  arguments: '[file]',
  argsDescription: { file: 'a kakehashi/v1 document to evaluate on its own (default: the loaded directory)' },
  description:
    'Leave-one-out evaluation of partnerSuggestions on the partnership history: Hit@1/3/5, MRR and coverage against random, popularity and topic-only, with an ablation. Writes the tables into docs/matching.md. Changes nothing in the database.',
})
export class EvalMatchingCommand extends CliCommand {
  constructor(private readonly session: DatabaseSession) {
    super();
  }

  async run([file]: string[], options: EvalOptions): Promise<void> {
    const document = file ? parseDocument(await readInput(file)) : undefined;
    const source = file ?? 'the loaded directory';
    const report: EvaluationReport = await this.session.run((app) => {
      const evaluation = app.get(EvaluationService);
      const importer = app.get(InterchangeImportService);
      return evaluation.run(systemContext('cli-eval-matching'), {
        prepare: document
          ? async (tx) => {
              await evaluation.clearDirectory(tx);
              await importer.import(tx, document, { label: basename(file!) });
            }
          : undefined,
        onCase: (done, total) => {
          if (done % 10 === 0 || done === total) process.stderr.write(`eval-matching: ${done}/${total} cases\n`);
        },
      });
    });
    for (const mode of report.modes) {
      process.stdout.write(`\n${mode.mode}\n${metricsTable(mode.methods)}\n\nablation\n${metricsTable(mode.ablation.map((a) => ({ ...a.metrics, method: `without ${a.without}` })))}\n`);
    }
    if (options.write) {
      const current = await readFile(options.doc, 'utf8').catch(() => '# Matching\n');
      await writeFile(options.doc, spliceEvaluation(current, evaluationMarkdown(report, source)));
      process.stdout.write(`\nwrote the tables into ${options.doc}\n`);
    }
  }

  @Option({ flags: '--doc <path>', description: 'Markdown file to write the tables into', defaultValue: 'docs/matching.md' })
  parseDoc(value: string): string {
    return value;
  }

  @Option({ flags: '--no-write', description: 'print only; leave the document alone' })
  parseWrite(): boolean {
    return false;
  }
}
