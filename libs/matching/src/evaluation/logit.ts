/**
 * Conditional logit (a softmax over each case's candidates) with an L2 penalty: the weights that
 * make the real provider most likely given each candidate's signal strengths. Used to fit the
 * relationship weights of the partner score and to cross-validate them. Pure and deterministic.
 */

/** One case: a row of signal strengths per candidate, and which candidate was the real provider. */
export interface ChoiceCase {
  rows: number[][];
  chosen: number;
}

/** Mean negative log-likelihood plus λ·|w|², and its gradient. */
function objective(cases: readonly ChoiceCase[], w: readonly number[], l2: number): { value: number; grad: number[] } {
  const grad = w.map((x) => 2 * l2 * x);
  let value = l2 * w.reduce((s, x) => s + x * x, 0);
  for (const c of cases) {
    const z = c.rows.map((r) => r.reduce((s, x, i) => s + x * w[i]!, 0));
    const max = Math.max(...z);
    const e = z.map((v) => Math.exp(v - max));
    const sum = e.reduce((a, b) => a + b, 0);
    value -= (z[c.chosen]! - max - Math.log(sum)) / cases.length;
    for (let i = 0; i < w.length; i++) {
      const expected = c.rows.reduce((s, r, j) => s + (r[i]! * e[j]!) / sum, 0);
      grad[i]! += (expected - c.rows[c.chosen]![i]!) / cases.length;
    }
  }
  return { value, grad };
}

/** Fits the weights by gradient descent with backtracking (the objective is convex). */
export function fitConditionalLogit(cases: readonly ChoiceCase[], features: number, l2 = 0.02, iterations = 400): number[] {
  let w = new Array<number>(features).fill(0);
  if (!cases.length) return w;
  let { value, grad } = objective(cases, w, l2);
  let step = 1;
  for (let it = 0; it < iterations; it++) {
    const norm = Math.sqrt(grad.reduce((s, g) => s + g * g, 0));
    if (norm < 1e-7) break;
    for (;;) {
      const next = w.map((x, i) => x - step * grad[i]!);
      const o = objective(cases, next, l2);
      if (o.value <= value - 0.5 * step * norm * norm || step < 1e-8) {
        w = next;
        ({ value, grad } = o);
        step *= 1.5;
        break;
      }
      step /= 2;
    }
  }
  return w.map((x) => Math.round(x * 1000) / 1000);
}

/** Deterministic k-fold assignment, round-robin over the cases in their (key) order. */
export function folds(n: number, k: number): number[] {
  return Array.from({ length: n }, (_, i) => i % k);
}
