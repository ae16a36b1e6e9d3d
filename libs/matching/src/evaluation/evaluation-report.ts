import type { EvaluationReport, ModeReport } from './evaluation.service';
import { metricsTable } from './metrics';

export const EVAL_BEGIN = '<!-- eval-matching:begin -->';
export const EVAL_END = '<!-- eval-matching:end -->';

const MODE_TITLES: Record<string, string> = {
  'as-of-start': 'As of each partnership’s start (primary): later partnerships hidden, statuses and outcomes set back to that year',
  'leave-one-out': 'On today’s directory: only the partnership itself (and the providers’ case studies naming the recipient) hidden',
};

function modeSection(m: ModeReport): string {
  const ablation = m.ablation.map((a) => ({ ...a.metrics, method: `without ${a.without}` }));
  const full = m.methods[0]!;
  const delta = m.ablation
    .map((a) => `| ${a.without} | ${(a.metrics.hit3 - full.hit3 >= 0 ? '+' : '') + ((a.metrics.hit3 - full.hit3) * 100).toFixed(1)} pt | ${(a.metrics.mrr - full.mrr >= 0 ? '+' : '') + (a.metrics.mrr - full.mrr).toFixed(3)} |`)
    .join('\n');
  const cases = m.cases
    .map((c) => `| ${c.partnershipKey} | ${c.providerKeys.join(', ')} | ${fmt(c.ranks['matcher'])} | ${fmt(c.ranks['topic-only'])} | ${fmt(c.ranks['popularity'])} | ${c.top.join(', ')} |`)
    .join('\n');
  return [
    `### ${MODE_TITLES[m.mode] ?? m.mode}`,
    '',
    metricsTable(m.methods),
    '',
    'Ablation (the matcher with one signal group switched off):',
    '',
    metricsTable(ablation),
    '',
    '| without | ΔHit@3 | ΔMRR |',
    '|---|---:|---:|',
    delta,
    '',
    '<details><summary>Per case: expected rank of the real provider (ties shared), and the matcher’s top 3</summary>',
    '',
    '| partnership | provider | matcher | topic-only | popularity | matcher top 3 |',
    '|---|---|---:|---:|---:|---|',
    cases,
    '',
    '</details>',
  ].join('\n');
}

const fmt = (r: number | null | undefined) => (r === null || r === undefined ? '—' : Number.isInteger(r) ? String(r) : r.toFixed(1));

/** The evaluation as Markdown: one section per mode, with the ablation and the per-case ranks. */
export function evaluationMarkdown(report: EvaluationReport, source: string): string {
  return [
    `Source: ${source} — ${report.municipalities} municipalities, ${report.partnerships} partnerships, ${report.modes[0]?.cases.length ?? 0} completed partnerships with a provider and a recipient.`,
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
