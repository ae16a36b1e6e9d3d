import type { EvaluationReport, ModeReport } from './evaluation.service';
import { metricsTable } from './metrics';

export const EVAL_BEGIN = '<!-- eval-matching:begin -->';
export const EVAL_END = '<!-- eval-matching:end -->';

const MODE_TITLES: Record<string, string> = {
  'history-only':
    'History only (primary): documented partnerships alone — each case’s own hidden, expertise derived from the others, nothing declared; every Japanese body ranked',
  'as-of-start': 'Declared directory, as of each partnership’s start: later partnerships hidden, statuses and outcomes set back to that year',
  'leave-one-out': 'Declared directory, today: only the partnership itself (and the providers’ case studies naming the recipient) hidden',
};

const fmt = (r: number | null | undefined) => (r === null || r === undefined ? '—' : Number.isInteger(r) ? String(r) : r.toFixed(1));

function foldTable(m: ModeReport): string {
  if (!m.folds?.length) return '';
  const names = Object.keys(m.folds[0]!.weights);
  const row = (label: string, w: Record<string, number>) => `| ${label} | ${names.map((n) => (w[n] ?? 0).toFixed(2)).join(' | ')} |`;
  return [
    'Weights fitted by conditional logit (L2 0.02) on four folds, each used to rank the fifth (the “fitted on the other folds” row above); the last row is the fit on every case, which the shipped weights are rounded from:',
    '',
    `| fold | ${names.join(' | ')} |`,
    `|---|${names.map(() => '---:').join('|')}|`,
    ...m.folds.map((f) => row(`${f.fold} (${f.cases} held out)`, f.weights)),
    ...(m.fullFit ? [row('all cases', m.fullFit)] : []),
    '',
  ].join('\n');
}

function modeSection(m: ModeReport): string {
  const ablation = m.ablation.map((a) => ({ ...a.metrics, method: `without ${a.without}` }));
  const full = m.methods[0]!;
  const delta = m.ablation
    .map((a) => `| ${a.without} | ${(a.metrics.hit3 - full.hit3 >= 0 ? '+' : '') + ((a.metrics.hit3 - full.hit3) * 100).toFixed(1)} pt | ${(a.metrics.mrr - full.mrr >= 0 ? '+' : '') + (a.metrics.mrr - full.mrr).toFixed(3)} |`)
    .join('\n');
  const baselines = ['heuristic (3-term)', 'country-only', 'topic-only', 'popularity'];
  const cases = m.cases.map((c) => `| ${c.partnershipKey} | ${c.providerKeys.join(', ')} | ${[ 'matcher', ...baselines].map((b) => fmt(c.ranks[b])).join(' | ')} | ${c.top.join(', ')} |`).join('\n');
  return [
    `### ${MODE_TITLES[m.mode] ?? m.mode}`,
    '',
    metricsTable(m.methods),
    '',
    foldTable(m),
    'Ablation (the matcher with one signal group switched off, each variant spread over the board as it ranks it):',
    '',
    metricsTable(ablation),
    '',
    '| without | ΔHit@3 | ΔMRR |',
    '|---|---:|---:|',
    delta,
    '',
    '<details><summary>Per case: expected rank of the real provider (ties shared; — not suggested), and the matcher’s top 3</summary>',
    '',
    `| partnership | provider | matcher | ${baselines.join(' | ')} | matcher top 3 |`,
    `|---|---|---:|${baselines.map(() => '---:').join('|')}|---|`,
    cases,
    '',
    '</details>',
  ].join('\n');
}

/** The evaluation as Markdown: one section per mode, with the fold weights, the ablation and the per-case ranks. */
export function evaluationMarkdown(report: EvaluationReport, source: string): string {
  return [
    `Source: ${source} — ${report.municipalities} municipalities, ${report.partnerships} partnerships; ${report.modes.map((m) => `${m.mode}: ${m.cases.length} cases`).join(', ')}.`,
    '',
    ...report.modes.flatMap((m) => [modeSection(m), '']),
  ].join('\n');
}

/** Replaces the generated block of `doc` (between the markers), or appends one. */
export function spliceEvaluation(doc: string, markdown: string): string {
  const block = `${EVAL_BEGIN}\n${markdown.trim()}\n${EVAL_END}`;
  const start = doc.indexOf(EVAL_BEGIN);
  const end = doc.indexOf(EVAL_END);
  if (start >= 0 && end > start) return doc.slice(0, start) + block + doc.slice(end + EVAL_END.length);
  return `${doc.trimEnd()}\n\n${block}\n`;
}
