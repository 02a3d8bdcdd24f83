/**
 * The import's talent line reader, run in a worker thread (see import-line-worker.ts): reads the file,
 * hashes it, checks and packs each line with the same reader and fast path as the in-thread import, and
 * sends the records in groups, at most `inFlight` groups ahead of the consumer.
 */
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { packTalentLine, type PackedLine } from '../contract/talent-line.js';
import { DomainError } from '../core/errors.js';
import type { Decoded } from '../core/import/types.js';
import { fileSource, jsonlRecords } from './import-readers.js';
import {
  encodePacked,
  FIELD_SEP,
  type EncodedGroup,
  type LineWorkerData,
  type LineWorkerMessage,
} from './import-line-worker.js';

const port = parentPort;
if (!port) throw new Error('import-line.worker.ts runs as a worker thread only');
const data = workerData as LineWorkerData;

/** Records a message holds: the reader's groups (64 lines) joined, fewer messages for the same work. */
const RECORDS_PER_MESSAGE = 256;
/** Progress is told every this many bytes read. */
const PROGRESS_BYTES = 1 << 22;

let credits = data.inFlight;
let wake: (() => void) | null = null;
port.on('message', () => {
  credits++;
  wake?.();
});

const post = (m: LineWorkerMessage) => port.postMessage(m);

const hash = createHash('sha256');
let bytes = 0;

async function* tapped(): AsyncGenerator<Buffer> {
  const source = fileSource(data.path);
  let told = 0;
  for await (const chunk of (source.openReusing as () => AsyncIterable<Buffer>)()) {
    bytes += chunk.length;
    if (bytes > data.maxBytes)
      throw new DomainError(
        'too_large',
        `${data.name}: larger than the limit of ${data.maxBytes} bytes`,
        data.name,
      );
    hash.update(chunk);
    if (bytes - told >= PROGRESS_BYTES) post({ progress: (told = bytes) });
    yield chunk;
  }
}

async function send(group: EncodedGroup): Promise<void> {
  while (credits === 0) {
    await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
  }
  credits--;
  post({ group });
}

const known = new Set(data.skills);
const seen = new Set<string>();
let lines: number[] = [];
let decoded: (Decoded | null)[] = [];
let fields: string[] = [];
let newSkills: string[] = [];

/** Sends the records gathered since the last message. */
async function flush(): Promise<void> {
  if (lines.length === 0) return;
  const group: EncodedGroup = { lines, decoded, packed: fields.join(FIELD_SEP), newSkills };
  lines = [];
  decoded = [];
  fields = [];
  newSkills = [];
  await send(group);
}

try {
  const records = jsonlRecords<PackedLine>(tapped(), data.maxLineBytes, data.name, (text) =>
    packTalentLine(text, known),
  );
  for await (const group of records) {
    for (const r of group) {
      lines.push(r.line);
      if (r.prepared) {
        decoded.push(null);
        encodePacked(r.prepared, fields);
        for (const s of r.prepared.skillIds)
          if (!seen.has(s)) {
            seen.add(s);
            newSkills.push(s);
          }
      } else decoded.push(r.decoded);
    }
    if (lines.length >= RECORDS_PER_MESSAGE) await flush();
  }
  await flush();
  post({ end: { hash: hash.digest('hex'), bytes } });
} catch (e) {
  // The records before the failure first: the consumer meets them (and their own errors) in file order.
  await flush();
  post({
    error:
      e instanceof DomainError
        ? { code: e.code, message: e.message, field: e.field }
        : { code: null, message: e instanceof Error ? e.message : String(e) },
  });
}
