import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command, Option } from 'nest-commander';
import { InterchangeImportService, parseDocument } from '@kakehashi/interchange';
import { systemContext, type RequestContext } from '@kakehashi/kernel';
import { EvaluationService, evaluationMarkdown, isHistoryFile, metricsTable, spliceEvaluation, type EvaluationReport, type HistoryDirectory } from '@kakehashi/matching';
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
  argsDescription: {
    file: 'a kakehashi/v1 document, or a file of documented partnerships (japaneseBodies, partners, partnerships), evaluated on its own (default: the loaded directory)',
  },
  description:
    'Evaluation of partnerSuggestions on the partnership history — history-only (documented partnerships, expertise derived, nothing declared) and on the declared directory (as of each start, and today) — ' +
    'Hit@1/3/5, MRR, coverage and the largest top-3 share against popularity, topic-only, country-only and the 3-term heuristic, with an ablation and the cross-validated weight fit. ' +
    'Writes the tables into docs/matching.md. Changes nothing in the database.',
})
export class EvalMatchingCommand extends CliCommand {
  constructor(private readonly session: DatabaseSession) {
    super();
  }

  async run([file]: string[], options: EvalOptions): Promise<void> {
    const input = file ? parseDocument(await readInput(file)) : undefined;
    const historyFile = input !== undefined && isHistoryFile(input) ? input : undefined;
    const source = file ?? 'data/sample/directory.json (the loaded directory)';
    const report: EvaluationReport = await this.session.run((app) => {
      const evaluation = app.get(EvaluationService);
      const importer = app.get(InterchangeImportService);
      const load = async (tx: RequestContext, doc: unknown) => void (await importer.import(tx, doc, { label: file ? basename(file) : 'eval-matching' }));
      return evaluation.run(systemContext('cli-eval-matching'), {
        prepare:
          input !== undefined && historyFile === undefined
            ? async (tx) => {
                await evaluation.clearDirectory(tx);
                await load(tx, input);
              }
            : undefined,
        historyFile,
        load: (tx: RequestContext, doc: HistoryDirectory) => load(tx, doc),
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
