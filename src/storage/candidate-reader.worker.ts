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
 * Batches go out encoded straight from the rows (CandidateEncoder.encodeRows: the strings of the packed
 * texts coded from their positions, no Candidate made for a row in packTalent's form), their buffers
 * transferred; each batch the consumer takes sends back a credit, and the worker waits when `inFlight`
 * batches are out, so it never runs more than a few batches ahead of the builder.
 */
import SQLite from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { CandidateEncoder } from './candidate-codec.js';
import {
  candidateOfRow,
  readCandidateRows,
  type ReaderData,
  type ReaderMessage,
} from './talent-candidates.repository.js';

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
    const rows = Array.from(readCandidateRows(db, orgId, after, batchSize));
    if (rows.length === 0) break;
    while (credits === 0) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
    credits--;
    const batch = encoder.encodeRows(rows, candidateOfRow);
    port.postMessage({ batch } satisfies ReaderMessage, [batch.ints.buffer, batch.floats.buffer]);
    if (rows.length < batchSize) break;
    after = (rows[rows.length - 1] as unknown[])[0] as string;
  }
  db.exec('commit');
} finally {
  db.close();
}
port.postMessage({ done: true } satisfies ReaderMessage);
// Nothing left to wait for: without a listener the thread ends.
port.removeAllListeners('message');
port.unref();
