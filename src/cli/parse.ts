import { InvalidArgumentError } from 'commander';

/** Commander argument parser for a whole number in [min, max]; the message names the bound. */
export const intIn =
  (min: number, max: number) =>
  (raw: string): number => {
    if (!/^\d+$/.test(raw)) throw new InvalidArgumentError(`expected a whole number, got "${raw}"`);
    const n = Number(raw);
    if (n < min || n > max)
      throw new InvalidArgumentError(`expected a number between ${min} and ${max}, got ${n}`);
    return n;
  };

export const oneOf =
  <T extends string>(values: readonly T[]) =>
  (raw: string): T => {
    if (!(values as readonly string[]).includes(raw)) {
      throw new InvalidArgumentError(`expected one of ${values.join(', ')}, got "${raw}"`);
    }
    return raw as T;
  };
