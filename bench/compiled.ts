/**
 * The product as the `vivier` command runs it: the compiled modules in dist/, built from the sources first
 * (`tsc -p tsconfig.build.json`, as `npm run build:server` does), so that they are these sources.
 *
 * Why a suite would want them: under tsx (the benchmarks run from TypeScript) each worker thread the product
 * starts registers tsx and compiles the modules it loads, ≈ 0.15 s of a core a worker at startup. The
 * command's workers load plain JavaScript. An import of a million talents starts two reader workers: the
 * time tsx takes is the benchmark's, not the product's.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as EnvToConfig from '../src/config/env-to-config.js';
import type * as CreateContext from '../src/main/create-context.js';
import type * as ImportReaders from '../src/services/import-readers.js';

export interface Compiled {
  envToConfig: typeof EnvToConfig.envToConfig;
  createContext: typeof CreateContext.createContext;
  fileSource: typeof ImportReaders.fileSource;
}

const root = fileURLToPath(new URL('..', import.meta.url));
let built: Promise<Compiled> | null = null;

/** Builds dist/ from the sources (once a process) and loads the modules a suite needs from it. */
export function compiled(): Promise<Compiled> {
  built ??= (async () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
    const load = (path: string) => import(new URL(`../dist/${path}`, import.meta.url).href);
    const [config, context, readers] = await Promise.all([
      load('config/env-to-config.js') as Promise<typeof EnvToConfig>,
      load('main/create-context.js') as Promise<typeof CreateContext>,
      load('services/import-readers.js') as Promise<typeof ImportReaders>,
    ]);
    return {
      envToConfig: config.envToConfig,
      createContext: context.createContext,
      fileSource: readers.fileSource,
    };
  })();
  return built;
}
