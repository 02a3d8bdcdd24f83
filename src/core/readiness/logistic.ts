/**
 * Logistic regression fitted by iteratively reweighted least squares (Newton's method) with a small ridge
 * penalty on the coefficients (not the intercept).
 *
 * Why not a package: the npm logistic-regression packages (ml-logistic-regression and the like) run plain
 * gradient descent for a fixed number of steps with a learning rate to tune, pull in a matrix library, and
 * have no penalty; here there are seven features, so Newton's method converges in a handful of exact steps
 * with a 8×8 linear solve, in about sixty lines that the tests below pin down.
 */

export interface LogisticOptions {
  /** Ridge penalty λ on the coefficients; keeps the fit finite when the classes separate perfectly. */
  l2?: number;
  maxIterations?: number;
  /** Stop when no parameter moves by more than this. */
  tolerance?: number;
}

export interface LogisticFit {
  intercept: number;
  /** One per feature; 0 for a feature that never varies in the data (it cannot be told from the intercept). */
  coefficients: number[];
  iterations: number;
  converged: boolean;
}

export const sigmoid = (z: number): number =>
  z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));

/** Solves A x = b by Gaussian elimination with partial pivoting; A is n×n, row-major, and is overwritten. */
export function solveLinear(a: number[][], b: number[]): number[] {
  const n = b.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-12) throw new RangeError('singular system');
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    for (let r = col + 1; r < n; r++) {
      const f = a[r]![col]! / a[col]![col]!;
      if (f === 0) continue;
      for (let c = col; c < n; c++) a[r]![c]! -= f * a[col]![c]!;
      b[r]! -= f * b[col]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let c = r + 1; c < n; c++) s -= a[r]![c]! * x[c]!;
    x[r] = s / a[r]![r]!;
  }
  return x;
}

/** Penalized log-likelihood, to check that a Newton step does not overshoot. `x` is n×(k−1), row-major. */
function objective(x: Float64Array, y: Float64Array, beta: readonly number[], l2: number): number {
  const k = beta.length;
  const n = y.length;
  let ll = 0;
  for (let i = 0, o = 0; i < n; i++, o += k - 1) {
    let z = beta[0]!;
    for (let j = 1; j < k; j++) z += beta[j]! * x[o + j - 1]!;
    // log σ(z) and log(1 − σ(z)) computed without overflow.
    ll += -Math.log1p(Math.exp(-Math.abs(z))) + (y[i] ? Math.min(0, z) : Math.min(0, -z));
  }
  let pen = 0;
  for (let j = 1; j < k; j++) pen += beta[j]! * beta[j]!;
  return ll - 0.5 * l2 * pen;
}

/**
 * Fits P(y = 1 | x) = σ(b + Σ βⱼ xⱼ). `x` is n rows of d features, `y` is 0 or 1 per row.
 * Features that never vary are left out of the fit (coefficient 0).
 */
export function fitLogistic(
  x: readonly (readonly number[])[],
  y: readonly number[],
  options: LogisticOptions = {},
): LogisticFit {
  const l2 = options.l2 ?? 0.1;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-9;
  const d = x[0]?.length ?? 0;
  if (x.length !== y.length) throw new RangeError('x and y differ in length');
  // Which features vary; the others are not identifiable beside the intercept.
  const active: number[] = [];
  for (let j = 0; j < d; j++) {
    const first = x[0]![j]!;
    if (x.some((row) => row[j] !== first)) active.push(j);
  }
  const k = active.length + 1;
  const n = y.length;
  // Rows of the active features, flat and row-major: the loop below is the whole cost of a fit.
  const rows = new Float64Array(n * (k - 1));
  x.forEach((row, i) => active.forEach((j, a) => (rows[i * (k - 1) + a] = row[j]!)));
  const ys = Float64Array.from(y);
  const beta = new Array<number>(k).fill(0);
  const mean = y.reduce((s, v) => s + v, 0) / Math.max(1, n);
  beta[0] = mean > 0 && mean < 1 ? Math.log(mean / (1 - mean)) : 0;
  let iterations = 0;
  let converged = false;
  let current = objective(rows, ys, beta, l2);
  const xa = new Float64Array(k);
  while (iterations < maxIterations && !converged) {
    iterations++;
    const h = new Float64Array(k * k);
    const g = new Array<number>(k).fill(0);
    for (let i = 0, o = 0; i < n; i++, o += k - 1) {
      xa[0] = 1;
      let z = beta[0]!;
      for (let j = 1; j < k; j++) z += beta[j]! * (xa[j] = rows[o + j - 1]!);
      const p = sigmoid(z);
      const w = Math.max(p * (1 - p), 1e-12);
      const r = ys[i]! - p;
      for (let a = 0; a < k; a++) {
        const va = xa[a]!;
        g[a]! += r * va;
        const wa = w * va;
        for (let b = a; b < k; b++) h[a * k + b]! += wa * xa[b]!;
      }
    }
    const hm = Array.from({ length: k }, (_, a) =>
      Array.from(
        { length: k },
        (_, b) => (a <= b ? h[a * k + b]! : h[b * k + a]!) + (a === b && a > 0 ? l2 : 0),
      ),
    );
    for (let a = 1; a < k; a++) g[a]! -= l2 * beta[a]!;
    const step = solveLinear(hm, g);
    // Newton's step, halved while it would lower the objective (it rarely needs to).
    let t = 1;
    let next = beta.map((v, i) => v + step[i]!);
    let value = objective(rows, ys, next, l2);
    const slack = 1e-12 * Math.max(1, Math.abs(current));
    while (value < current - slack && t > 1e-6) {
      t /= 2;
      next = beta.map((v, i) => v + t * step[i]!);
      value = objective(rows, ys, next, l2);
    }
    const moved = Math.max(...next.map((v, i) => Math.abs(v - beta[i]!)));
    for (let i = 0; i < k; i++) beta[i] = next[i]!;
    current = value;
    converged = moved < tolerance;
  }
  const coefficients = new Array<number>(d).fill(0);
  active.forEach((j, i) => (coefficients[j] = beta[i + 1]!));
  return { intercept: beta[0]!, coefficients, iterations, converged };
}
