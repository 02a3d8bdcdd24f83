/**
 * The MILP solver port implemented with HiGHS compiled to WebAssembly (npm `highs`). Loading the
 * WebAssembly is asynchronous and takes tens of milliseconds, so it happens once per process and the
 * instance is cached; every solve then runs synchronously in a model that is disposed right after.
 */
import type { Highs } from 'highs';
import * as highsModule from 'highs';
import type { MilpSolver, SolveOptions, SolveResult, SolveStatus } from '../core/teams/milp.js';

// The package's declarations describe its CommonJS entry; as an ES module its default export is the loader.
const loadHighs = (highsModule as unknown as { default: () => Promise<Highs> }).default;

/** HiGHS model status codes (highs.constants.modelStatus). */
const OPTIMAL = 7;
const INFEASIBLE = 8;
const UNBOUNDED_OR_INFEASIBLE = 9;
const LIMITS = new Set([11, 12, 13, 14, 15, 16, 17]);
/** primal_solution_status: 2 = a feasible solution is held. */
const FEASIBLE_SOLUTION = 2;

function statusOf(code: number): SolveStatus {
  if (code === OPTIMAL) return 'optimal';
  if (code === INFEASIBLE || code === UNBOUNDED_OR_INFEASIBLE) return 'infeasible';
  if (LIMITS.has(code)) return 'time_limit';
  return 'error';
}

export class HighsSolver implements MilpSolver {
  constructor(private readonly highs: Highs) {}

  solve(lpText: string, options: SolveOptions): SolveResult {
    const t0 = performance.now();
    const seconds = () => (performance.now() - t0) / 1000;
    let model: ReturnType<Highs['createModel']> | null = null;
    try {
      model = this.highs.createModel({ format: 'lp', data: lpText });
      model.options.set({
        output_flag: false,
        time_limit: Math.max(0.01, options.timeLimitSeconds),
        mip_abs_gap: options.absGap,
        mip_rel_gap: options.relGap,
      });
      const n = model.getDimensions().numCols;
      const names: string[] = [];
      for (let j = 0; j < n; j++) names.push(model.getColName(j));
      if (options.start) {
        const start = options.start;
        model.setSolution({ colValue: names.map((v) => start.get(v) ?? 0) });
      }
      model.run();
      const status = statusOf(model.getModelStatus());
      const feasible = Number(model.info.get('primal_solution_status')) === FEASIBLE_SOLUTION;
      let values: Map<string, number> | null = null;
      let objective: number | null = null;
      let bound: number | null = null;
      if (feasible && (status === 'optimal' || status === 'time_limit')) {
        const x = model.getSolution().colValue;
        values = new Map(names.map((v, j) => [v, x[j] ?? 0]));
        objective = model.getObjectiveValue();
        let dual = NaN;
        try {
          dual = Number(model.info.get('mip_dual_bound'));
        } catch {
          // An LP has no MIP dual bound: at an LP optimum the objective is the bound.
        }
        bound = Number.isFinite(dual) ? dual : status === 'optimal' ? objective : null;
      }
      return { status, values, objective, bound, seconds: seconds() };
    } catch (e) {
      return {
        status: 'error',
        values: null,
        objective: null,
        bound: null,
        seconds: seconds(),
        message: e instanceof Error ? e.message : String(e),
      };
    } finally {
      model?.dispose();
    }
  }
}

let loading: Promise<MilpSolver> | null = null;

/** The process-wide HiGHS solver, loaded on first use; a failed load is retried on the next call. */
export function loadHighsSolver(): Promise<MilpSolver> {
  const p =
    loading ??
    loadHighs().then(
      (h): MilpSolver => new HighsSolver(h),
      (e: unknown) => {
        loading = null;
        throw e;
      },
    );
  loading = p;
  return p;
}
