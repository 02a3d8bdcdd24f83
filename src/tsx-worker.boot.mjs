// A worker thread run from the TypeScript sources (tsx, vitest): worker threads do not inherit the parent's
// loader, so register tsx here, then load the worker module named in workerData.module (the candidate
// reader of talent-candidates.repository.ts, the talent line reader of import-line-worker.ts). Compiled
// workers (dist/) run without it: tsx is a dev dependency.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
