/**
 * Reads an organization's pool as candidates in a worker thread, beside the thread that builds the
 * matching index from them (TalentCandidatesRepository.streamThroughWorker): reading and parsing the rows
 * is more than half of a build's CPU, and on two cores the two halves overlap.
 *
 * Its own read-only connection to the same SQLite file, in WAL mode. The whole read is one transaction:
 * one consistent snapshot, taken by its first select, so after anything the starting thread read before
 * starting this worker (MatchingService.build reads the journal revision first: the index may then only be
 * behind the journal, never miss a write). In WAL a reader blocks no writer; it only keeps the WAL from
 * being checkpointed past its snapshot until it ends.
 *
 * Batches go out encoded (candidate-codec.ts) with their buffers transferred; each batch the consumer
 * takes sends back a credit, and the worker waits when `inFlight` batches are out, so it never runs more
 * than a few batches ahead of the builder.
 */
import SQLite from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { Candidate } from '../core/matching/types.js';
import { CandidateEncoder } from './candidate-codec.js';
import { readCandidatePage, type ReaderData, type ReaderMessage } from './talent-candidates.repository.js';

const port = parentPort;
if (!port) throw new Error('candidate-reader.worker.ts runs as a worker thread only');
const { file, orgId, batchSize, inFlight } = workerData as ReaderData;

let credits = inFlight;
let wake: (() => void) | null = null;
port.on('message', () => {
  credits++;
  wake?.();
});

const db = new SQLite(file, { readonly: true, fileMustExist: true });
try {
  db.exec('begin');
  const encoder = new CandidateEncoder();
  let after: string | null = null;
  for (;;) {
    const page: Candidate[] = readCandidatePage(db, orgId, after, batchSize);
    if (page.length === 0) break;
    while (credits === 0) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
    credits--;
    const batch = encoder.encode(page);
    port.postMessage({ batch } satisfies ReaderMessage, [batch.ints.buffer, batch.floats.buffer]);
    if (page.length < batchSize) break;
    after = (page[page.length - 1] as Candidate).id;
  }
  db.exec('commit');
} finally {
  db.close();
}
port.postMessage({ done: true } satisfies ReaderMessage);
// Nothing left to wait for: without a listener the thread ends.
port.removeAllListeners('message');
port.unref();
