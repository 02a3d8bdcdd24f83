// Worker threads do not inherit tsx's loader: register it here, then load the TypeScript module named in
// workerData.module. Used by suites that run a peer in its own heap (a memory limit it may hit).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
