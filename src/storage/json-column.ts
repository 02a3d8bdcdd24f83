/** JSON kept as text so one column type works on both dialects. */
export const toJson = (value: unknown): string => JSON.stringify(value);

export function fromJson<T>(text: string | null, fallback: T): T {
  if (text === null || text === '') return fallback;
  return JSON.parse(text) as T;
}
