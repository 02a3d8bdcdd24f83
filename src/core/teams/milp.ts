/**
 * A mixed-integer linear program as data, written out in CPLEX LP format, and the port of the solver that
 * runs it. Core builds models and reads solutions; the solver (HiGHS, compiled to WebAssembly) is loaded
 * asynchronously by the edges and handed in, so core stays pure and synchronous.
 */

export interface Term {
  v: string;
  c: number;
}

export interface Row {
  name: string;
  terms: Term[];
  op: '<=' | '>=';
  rhs: number;
}

export interface MilpModel {
  sense: 'min' | 'max';
  objective: Term[];
  rows: Row[];
  /** 0/1 variables (continuous in [0, 1] when the relaxation is written). */
  binaries: string[];
  /** Continuous variables in [0, 1]. */
  unitContinuous: string[];
}

export interface SolveOptions {
  /** Wall-clock limit for this solve, in seconds. */
  timeLimitSeconds: number;
  /** Stop when |objective − bound| ≤ absGap or the relative gap ≤ relGap. */
  absGap: number;
  relGap: number;
  /** A known feasible assignment (a MIP start), by variable name; missing variables are 0. */
  start?: ReadonlyMap<string, number>;
}

export type SolveStatus = 'optimal' | 'time_limit' | 'infeasible' | 'error';

export interface SolveResult {
  status: SolveStatus;
  /** Variable values when a feasible solution exists (the optimum, or the incumbent at a limit). */
  values: ReadonlyMap<string, number> | null;
  objective: number | null;
  /** Best proved bound on the objective (below it for a minimisation, above for a maximisation). */
  bound: number | null;
  /** Wall-clock seconds the solve took, as measured by the solver's host. */
  seconds: number;
  /** What went wrong, when status is 'error'. */
  message?: string;
}

/** The solver port. Synchronous: the asynchronous part (loading the WebAssembly) happens before. */
export interface MilpSolver {
  solve(lpText: string, options: SolveOptions): SolveResult;
}

/** A number as LP text: no exponent, at most 9 decimals, no trailing zeros. */
export function lpNumber(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`LP coefficient must be finite, got ${x}`);
  if (Number.isInteger(x)) return String(x);
  const s = x.toFixed(9).replace(/0+$/, '').replace(/\.$/, '');
  return s === '-0' ? '0' : s;
}

const TERMS_PER_LINE = 12;

function writeTerms(terms: readonly Term[]): string {
  const parts: string[] = [];
  terms.forEach((t, k) => {
    const sign = t.c < 0 ? '-' : '+';
    const abs = Math.abs(t.c);
    const coef = abs === 1 ? '' : `${lpNumber(abs)} `;
    const text = `${k === 0 && sign === '+' ? '' : `${sign} `}${coef}${t.v}`;
    parts.push((k > 0 && k % TERMS_PER_LINE === 0 ? '\n   ' : '') + text);
  });
  return parts.join(' ');
}

/** The model in CPLEX LP format; `relax` writes the LP relaxation (0/1 variables become [0, 1]). */
export function toLpText(model: MilpModel, relax = false): string {
  const out: string[] = [model.sense === 'min' ? 'Minimize' : 'Maximize'];
  const objective = model.objective.filter((t) => t.c !== 0);
  // An all-zero objective still needs one term for the parser.
  const anyVar = model.binaries[0] ?? model.unitContinuous[0] ?? 'none';
  out.push(` obj: ${objective.length > 0 ? writeTerms(objective) : `0 ${anyVar}`}`);
  out.push('Subject To');
  for (const r of model.rows) {
    const terms = r.terms.filter((t) => t.c !== 0);
    if (terms.length === 0) continue;
    out.push(` ${r.name}: ${writeTerms(terms)} ${r.op} ${lpNumber(r.rhs)}`);
  }
  out.push('Bounds');
  for (const v of model.unitContinuous) out.push(` 0 <= ${v} <= 1`);
  if (relax) for (const v of model.binaries) out.push(` 0 <= ${v} <= 1`);
  if (!relax && model.binaries.length > 0) {
    out.push('Binary');
    for (let k = 0; k < model.binaries.length; k += TERMS_PER_LINE)
      out.push(` ${model.binaries.slice(k, k + TERMS_PER_LINE).join(' ')}`);
  }
  out.push('End', '');
  return out.join('\n');
}

/** Value of a linear expression under an assignment (missing variables are 0). */
export function evaluate(terms: readonly Term[], values: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const t of terms) s += t.c * (values.get(t.v) ?? 0);
  return s;
}
