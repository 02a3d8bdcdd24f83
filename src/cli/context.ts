import { envToConfig, type Config } from '../config/env-to-config.js';
import { readEnv } from '../config/read-env.js';
import { createContext, type Context } from '../main/create-context.js';
import type { CliIo } from './io.js';

export interface GlobalOptions {
  db?: string;
}

export function configFor(io: CliIo, globals: GlobalOptions): Config {
  return envToConfig(readEnv(io.env), { dbFile: globals.db });
}

/** Opens a context for one command and always closes it. */
export async function withContext<T>(
  io: CliIo,
  globals: GlobalOptions,
  fn: (ctx: Context) => Promise<T>,
): Promise<T> {
  const ctx = await createContext(configFor(io, globals));
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}
