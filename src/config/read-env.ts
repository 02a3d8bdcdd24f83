/** The only reader of process.env: every setting Vivier reads, raw. See .env.example. */
export interface RawEnv {
  VIVIER_DB?: string;
  DATABASE_URL?: string;
  HOST?: string;
  PORT?: string;
  LOG_LEVEL?: string;
  VIVIER_MAX_BODY_BYTES?: string;
  VIVIER_MAX_TEXT_BYTES?: string;
  VIVIER_DEMO_SIZE?: string;
  VIVIER_DEMO_SEED?: string;
}

const KEYS: (keyof RawEnv)[] = [
  'VIVIER_DB',
  'DATABASE_URL',
  'HOST',
  'PORT',
  'LOG_LEVEL',
  'VIVIER_MAX_BODY_BYTES',
  'VIVIER_MAX_TEXT_BYTES',
  'VIVIER_DEMO_SIZE',
  'VIVIER_DEMO_SEED',
];

export function readEnv(env: NodeJS.ProcessEnv = process.env): RawEnv {
  const out: RawEnv = {};
  for (const k of KEYS) {
    const v = env[k];
    if (v !== undefined && v !== '') out[k] = v;
  }
  return out;
}
