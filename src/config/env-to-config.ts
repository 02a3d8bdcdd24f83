import { DEMO_SIZES, type DemoSize } from '../core/demo/generate-demo.js';
import type { RawEnv } from './read-env.js';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface Config {
  db: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  host: string;
  port: number;
  logLevel: LogLevel;
  limits: {
    /** Largest HTTP request body, bytes. */
    maxBodyBytes: number;
    /** Largest text given to extraction, bytes of UTF-8. */
    maxTextBytes: number;
  };
  demo: { talents: number; projects: number; seed: number };
}

export const DEFAULT_DB_FILE = './data/vivier.db';

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

function int(env: RawEnv, key: keyof RawEnv, fallback: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(key, `must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(key, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

/** VIVIER_DEMO_SIZE: a preset (small, medium, large; default small) or a number of talents. */
function demoSizeOf(env: RawEnv): { talents: number; projects: number } {
  const raw = env.VIVIER_DEMO_SIZE;
  if (raw === undefined) return { ...DEMO_SIZES.small };
  if (Object.hasOwn(DEMO_SIZES, raw)) return { ...DEMO_SIZES[raw as DemoSize] };
  if (!/^\d+$/.test(raw))
    throw new ConfigError('VIVIER_DEMO_SIZE', `must be small, medium, large or a whole number, got "${raw}"`);
  const talents = int(env, 'VIVIER_DEMO_SIZE', 300, 1, 2_000_000);
  return { talents, projects: Math.max(5, Math.round(talents / 8)) };
}

/** Applies defaults and checks every value; a bad value is an error naming the variable. */
export function envToConfig(env: RawEnv, overrides: { dbFile?: string } = {}): Config {
  let db: Config['db'];
  if (overrides.dbFile) db = { kind: 'sqlite', file: overrides.dbFile };
  else if (env.DATABASE_URL) {
    if (!/^postgres(ql)?:\/\//.test(env.DATABASE_URL)) {
      throw new ConfigError('DATABASE_URL', 'must start with postgres:// or postgresql://');
    }
    db = { kind: 'postgres', url: env.DATABASE_URL };
  } else db = { kind: 'sqlite', file: env.VIVIER_DB ?? DEFAULT_DB_FILE };

  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  const demoSize = demoSizeOf(env);
  return {
    db,
    host: env.HOST ?? '127.0.0.1',
    port: int(env, 'PORT', 3000, 0, 65535),
    logLevel,
    limits: {
      maxBodyBytes: int(env, 'VIVIER_MAX_BODY_BYTES', 1_048_576, 1024, 1_073_741_824),
      maxTextBytes: int(env, 'VIVIER_MAX_TEXT_BYTES', 200_000, 16, 1_073_741_824),
    },
    demo: {
      ...demoSize,
      seed: int(env, 'VIVIER_DEMO_SEED', 42, 0, 4_294_967_295),
    },
  };
}
