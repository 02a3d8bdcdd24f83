/**
 * An empty array already in V8's PACKED_ELEMENTS kind, for arrays of objects or strings that hot code
 * reads. A `[]` literal starts as PACKED_SMI_ELEMENTS and changes kind (and map) on its first object, so a
 * query's array left empty and the next query's filled one have different maps: code optimised on one
 * deoptimises ("wrong map") on the other, which the matching scan did well after its warm-up. A one-element
 * literal of `null` is PACKED_ELEMENTS, and shortening an array never changes its kind back.
 */
export function objectArray<T>(): T[] {
  const a: unknown[] = [null];
  a.length = 0;
  return a as T[];
}
