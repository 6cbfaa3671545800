/** One labelled example: features (the first is the constant 1), label, and a weight. */
export interface Example {
  x: readonly number[];
  y: 0 | 1;
  w: number;
}

/** Solves a·x = b for a small dense symmetric positive-definite matrix (Gaussian elimination with pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]?.[c] ?? 0) > Math.abs(m[pivot]?.[c] ?? 0)) pivot = r;
    [m[c], m[pivot]] = [m[pivot] as number[], m[c] as number[]];
    const row = m[c] as number[];
    const d = row[c] || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const other = m[r] as number[];
      const f = (other[c] ?? 0) / d;
      if (f !== 0) for (let k = c; k <= n; k++) other[k] = (other[k] ?? 0) - f * (row[k] ?? 0);
    }
  }
  return m.map((row, i) => (row[n] ?? 0) / (row[i] || 1e-12));
}

/**
 * L2-regularised logistic regression by Newton's method (IRLS): a few dozen features and tens of thousands of
 * examples converge in about ten steps. The bias (feature 0) is not penalised. Written here because it is
 * thirty lines and the product's core; a numeric library would add far more than it saves.
 */
export function fitLogistic(examples: readonly Example[], lambda = 1, iterations = 25): number[] {
  const d = examples[0]?.x.length ?? 0;
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (const e of examples) {
      let z = 0;
      for (let i = 0; i < d; i++) z += (w[i] ?? 0) * (e.x[i] ?? 0);
      const p = 1 / (1 + Math.exp(-z));
      const g = e.w * (p - e.y);
      const h = e.w * Math.max(p * (1 - p), 1e-6);
      for (let i = 0; i < d; i++) {
        const xi = e.x[i] ?? 0;
        if (xi === 0) continue;
        grad[i] = (grad[i] ?? 0) + g * xi;
        const row = hess[i] as number[];
        for (let j = 0; j < d; j++) row[j] = (row[j] ?? 0) + h * xi * (e.x[j] ?? 0);
      }
    }
    for (let i = 1; i < d; i++) {
      grad[i] = (grad[i] ?? 0) + lambda * (w[i] ?? 0);
      (hess[i] as number[])[i] = ((hess[i] as number[])[i] ?? 0) + lambda;
    }
    const step = solve(hess, grad);
    const next = w.map((v, i) => v - (step[i] ?? 0));
    const moved = Math.max(...next.map((v, i) => Math.abs(v - (w[i] ?? 0))));
    w = next;
    if (moved < 1e-6) break;
  }
  return w;
}
