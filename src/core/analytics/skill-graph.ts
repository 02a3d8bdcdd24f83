/**
 * Learning paths in the skill graph. Knowing skill A helps with skill B by the transfer weight w of the
 * link A → B (the taxonomy's `related` weights, and its broader links: narrower → broader 0.7,
 * broader → narrower 0.4; see taxonomy/adjacency.ts). Learning B from A costs (1 − w) × S weeks, where S
 * is the time to learn the target from scratch to the required level (`weeksPerLevel` × level, 4 weeks a
 * level by default); a path costs the sum of its steps (additive: each step is learnt in turn), and never
 * more than S (starting from scratch is always possible).
 *
 * Shortest paths to one target from every skill: one Dijkstra over the reversed links from the target,
 * O(E log V) — well under a millisecond for the built-in taxonomy.
 */
import { buildAdjacency } from '../taxonomy/adjacency.js';
import type { Taxonomy } from '../taxonomy/types.js';

export interface SkillGraph {
  ids: readonly string[];
  index: ReadonlyMap<string, number>;
  /** For node v: the nodes u that transfer to v, with the transfer weight u → v (CSR). */
  inStart: Int32Array;
  inFrom: Int32Array;
  inWeight: Float64Array;
}

export function buildSkillGraph(tax: Taxonomy): SkillGraph {
  const ids = tax.skills.map((s) => s.id);
  const index = new Map(ids.map((id, i) => [id, i]));
  const adj = buildAdjacency(tax);
  const inStart = new Int32Array(ids.length + 1);
  const from: number[] = [];
  const weight: number[] = [];
  ids.forEach((id, v) => {
    for (const src of adj.get(id) ?? []) {
      const u = index.get(src.from);
      if (u === undefined) continue;
      from.push(u);
      weight.push(src.weight);
    }
    inStart[v + 1] = from.length;
  });
  return { ids, index, inStart, inFrom: Int32Array.from(from), inWeight: Float64Array.from(weight) };
}

export interface PathsToTarget {
  target: string;
  /** Weeks from each skill (graph index) to the target, at the unit scale S = 1 (multiply by S). */
  cost: Float64Array;
  /** Next skill on the best path toward the target (-1 at the target or when unreachable). */
  next: Int32Array;
  /** Transfer weight of the step toward `next`. */
  stepWeight: Float64Array;
}

/** Dijkstra from the target over reversed links; costs are in units of S (cap 1 = from scratch). */
export function pathsTo(graph: SkillGraph, target: string): PathsToTarget | null {
  const t = graph.index.get(target);
  if (t === undefined) return null;
  const n = graph.ids.length;
  const cost = new Float64Array(n).fill(Infinity);
  const next = new Int32Array(n).fill(-1);
  const stepWeight = new Float64Array(n);
  const done = new Uint8Array(n);
  // Binary heap of (cost, node).
  const heapNode: number[] = [];
  const heapCost: number[] = [];
  const push = (v: number, c: number) => {
    let i = heapNode.length;
    heapNode.push(v);
    heapCost.push(c);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heapCost[parent]! <= c) break;
      heapNode[i] = heapNode[parent]!;
      heapCost[i] = heapCost[parent]!;
      i = parent;
    }
    heapNode[i] = v;
    heapCost[i] = c;
  };
  const pop = (): number => {
    const top = heapNode[0]!;
    const lastNode = heapNode.pop()!;
    const lastCost = heapCost.pop()!;
    const size = heapNode.length;
    if (size > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        const c = r < size && heapCost[r]! < heapCost[l]! ? r : l;
        if (heapCost[c]! >= lastCost) break;
        heapNode[i] = heapNode[c]!;
        heapCost[i] = heapCost[c]!;
        i = c;
      }
      heapNode[i] = lastNode;
      heapCost[i] = lastCost;
    }
    return top;
  };
  cost[t] = 0;
  push(t, 0);
  while (heapNode.length) {
    const v = pop();
    if (done[v]) continue;
    done[v] = 1;
    for (let e = graph.inStart[v]!, end = graph.inStart[v + 1]!; e < end; e++) {
      const u = graph.inFrom[e]!;
      const w = graph.inWeight[e]!;
      const c = cost[v]! + (1 - w);
      // Ties: the stronger link, then the smaller index, so paths are the same every time.
      if (c < cost[u]! - 1e-12 || (Math.abs(c - cost[u]!) <= 1e-12 && next[u]! > v)) {
        cost[u] = c;
        next[u] = v;
        stepWeight[u] = w;
        push(u, c);
      }
    }
  }
  // Never more than starting from scratch.
  for (let i = 0; i < n; i++)
    if (cost[i]! > 1) {
      cost[i] = Infinity;
      next[i] = -1;
    }
  return { target, cost, next, stepWeight };
}

export interface LearningStep {
  /** The skill learnt at this step. */
  skillId: string;
  /** The skill it builds on (held, or learnt at the previous step). */
  from: string;
  transfer: number;
  weeks: number;
}

/** The ordered learning plan from a held skill to the target, each step's weeks at scale S × factor. */
export function learningPath(
  graph: SkillGraph,
  paths: PathsToTarget,
  fromId: string,
  weeksScale: number,
): LearningStep[] {
  const steps: LearningStep[] = [];
  let u = graph.index.get(fromId);
  for (let guard = 0; u !== undefined && u >= 0 && guard < graph.ids.length; guard++) {
    const v = paths.next[u]!;
    if (v < 0) break;
    const w = paths.stepWeight[u]!;
    steps.push({
      skillId: graph.ids[v]!,
      from: graph.ids[u]!,
      transfer: w,
      weeks: Math.round((1 - w) * weeksScale * 10) / 10,
    });
    u = v;
  }
  return steps;
}
