// The candidate reader worker run from the TypeScript sources (tsx, vitest): worker threads do not inherit
// the parent's loader, so register tsx here, then load the worker module (see WorkerReader in
// talent-candidates.repository.ts). The compiled worker (dist/) runs without it: tsx is a dev dependency.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
