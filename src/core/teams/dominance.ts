/**
 * Dominance reduction before the solve. Candidate i dominates j when i holds every requirement j covers at
 * a level at least as high, costs no more, and is an employee whenever j is (ties between identical
 * profiles go to the lower id). If j has at least maxSize dominators, j can be left out of the model: in
 * any team with j, one of them is not on the team and can take j's place without raising the cost, losing
 * coverage or strength, or adding a freelancer (and if that one was left out too, repeat: the dominance
 * order is strict, so this ends). Large shortlists shrink a lot; the optimum does not change.
 */
import type { Instance } from './instance.js';

export function dominatedOut(inst: Instance): boolean[] {
  const { cands } = inst;
  const n = cands.length;
  const need = Math.max(1, inst.rules.maxSize);
  const out = new Array<boolean>(n).fill(false);
  const held = cands.map((c) => [...c.levels]);
  for (let j = 0; j < n; j++) {
    const cj = cands[j];
    if (!cj) continue;
    const hj = held[j] ?? [];
    let dominators = 0;
    for (let i = 0; i < n && dominators < need; i++) {
      const ci = cands[i];
      if (i === j || !ci || ci.cost > cj.cost || (cj.employee && !ci.employee)) continue;
      let ok = true;
      let strictly = ci.cost < cj.cost || (ci.employee && !cj.employee) || ci.levels.size > cj.levels.size;
      for (const [r, level] of hj) {
        const li = ci.levels.get(r) ?? 0;
        if (li < level) {
          ok = false;
          break;
        }
        if (li > level) strictly = true;
      }
      if (ok && (strictly || i < j)) dominators++;
    }
    out[j] = dominators >= need;
  }
  return out;
}
