import { createInterface } from 'node:readline';
import { DomainError, isDomainError } from '../core/errors.js';
import type { CliIo } from './io.js';

export interface JsonlInput {
  id: string | number;
  text: string;
}

export interface JsonlOptions {
  /** Report a bad line on stderr and go on, instead of stopping with an error. */
  skipInvalid: boolean;
}

function parseLine(line: string, n: number): JsonlInput {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    throw new DomainError('invalid_input', `line ${n}: invalid JSON (${(e as Error).message})`, `line ${n}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new DomainError('invalid_input', `line ${n}: expected an object {"id", "text"}`, `line ${n}`);
  const { id, text } = value as Record<string, unknown>;
  if (typeof id !== 'string' && typeof id !== 'number')
    throw new DomainError('invalid_input', `line ${n}: "id" must be a string or a number`, `line ${n}`);
  if (typeof text !== 'string')
    throw new DomainError('invalid_input', `line ${n}: "text" must be a string`, `line ${n}`);
  return { id, text };
}

/**
 * Reads JSON Lines `{"id", "text"}` from stdin one line at a time and writes one JSON line per input, in
 * order, waiting for stdout to drain: memory does not grow with the input. Blank lines are ignored. A bad
 * line (or a text the handler refuses) is an error naming the line number; with `skipInvalid` it is
 * reported on stderr and skipped.
 */
export async function mapJsonl(
  io: CliIo,
  options: JsonlOptions,
  handle: (input: JsonlInput) => Promise<unknown>,
): Promise<{ written: number; skipped: number }> {
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let n = 0;
  let written = 0;
  let skipped = 0;
  try {
    for await (const line of rl) {
      n++;
      if (line.trim() === '') continue;
      let out: unknown;
      try {
        const input = parseLine(line, n);
        out = await handle(input);
      } catch (e) {
        const err =
          isDomainError(e) && e.message.startsWith(`line ${n}:`)
            ? e
            : isDomainError(e)
              ? new DomainError(e.code, `line ${n}: ${e.message}`, `line ${n}`)
              : e;
        if (!options.skipInvalid || !isDomainError(err)) throw err;
        io.stderr.write(`vivier: ${err.message} (skipped)\n`);
        skipped++;
        continue;
      }
      if (!io.stdout.write(`${JSON.stringify(out)}\n`))
        await new Promise<void>((resolve) => io.stdout.once('drain', () => resolve()));
      written++;
    }
  } finally {
    rl.close();
  }
  return { written, skipped };
}
