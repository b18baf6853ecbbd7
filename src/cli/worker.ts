/**
 * Worker thread entry of the annotate/eval pool: builds its own annotator once, then renders the
 * tasks it is sent, in the order received, and answers each batch with one message.
 *
 * Messages in: `{ type: 'tasks', tasks, bytes }` (JSONL lines packed in `bytes`: see `packTasks`).
 * Messages out: `{ type: 'ready' }` once the annotator is built, `{ type: 'results', results, bytes }`
 * per batch, `{ type: 'fatal', code, message }` when the annotator cannot be built (a bad `--lexicon`
 * file), after which the worker idles.
 *
 * The rendered outputs travel as UTF-8 in one transferred buffer (`bytes`): each output string is
 * encoded as soon as it is rendered, so that it dies young instead of living (and being copied by
 * the garbage collector) until the batch is done, and the main thread writes the bytes as they are.
 * An ok result carries `out: [offset, length]` into `bytes`; the pool turns it into a view.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { rawLine } from './jsonl.js';
import { createAnnotator, type Annotator } from '../annotator.js';
import { runTask, unpackTasks, type RenderConfig, type Result, type Task, type WireTask } from './render.js';

const cfg = workerData as RenderConfig;
const port = parentPort!;

/**
 * Test hook, off unless the environment variable is set: `AALAM_TEST_FAULT=crash:MARK` makes the
 * worker die on a document containing MARK, `hang:MARK` makes it loop forever. The CLI tests use
 * it to check that no record is lost when a worker crashes or hangs.
 */
const fault = (() => {
  const v = process.env.AALAM_TEST_FAULT;
  const m = v ? /^(crash|hang):(.+)$/s.exec(v) : null;
  return m ? { kind: m[1]!, mark: m[2]! } : null;
})();

function faultFor(task: Task): void {
  if (!fault) return;
  const text = task.text ?? task.conll?.sentences.map((s) => s.tokens.join(' ')).join('\n') ?? (task.raw ? rawLine(task.raw) : '');
  if (!text.includes(fault.mark)) return;
  if (fault.kind === 'crash') process.exit(70);
  for (;;) { /* hang */ }
}

/** A growing UTF-8 byte buffer for the outputs of one batch. */
class Bytes {
  buf: Buffer = Buffer.allocUnsafeSlow(256 * 1024);
  length = 0;

  /** Appends `s` as UTF-8; returns where it starts and its length in bytes. */
  push(s: string): [number, number] {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8; a long string is measured instead.
    const need = this.length + (s.length > 1 << 20 ? Buffer.byteLength(s) : s.length * 3);
    if (need > this.buf.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(need, this.buf.length * 2));
      this.buf.copy(bigger, 0, 0, this.length);
      this.buf = bigger;
    }
    const start = this.length;
    const n = this.buf.write(s, start);
    this.length += n;
    return [start, n];
  }
}

let annotator: Annotator | null = null;
try {
  annotator = createAnnotator({ lexiconFiles: cfg.lexiconFiles });
  port.postMessage({ type: 'ready' });
} catch (err) {
  const e = err as Error & { code?: string };
  port.postMessage({ type: 'fatal', code: e.code ?? 'E_INTERNAL', message: e.message });
}

port.on('message', (msg: { type: string; tasks?: WireTask[]; bytes?: ArrayBuffer | null }) => {
  if (msg.type !== 'tasks' || !annotator) return;
  // One answer per batch: a message costs more than annotating a short document.
  const bytes = new Bytes();
  const results: unknown[] = [];
  for (const task of unpackTasks(msg.tasks!, msg.bytes ?? null)) {
    faultFor(task);
    const r: Result = runTask(annotator, cfg, task);
    results.push(r.ok && typeof r.out === 'string' && r.out.length ? { ...r, out: bytes.push(r.out) } : r);
  }
  const buffer = bytes.buf.buffer as ArrayBuffer;
  port.postMessage({ type: 'results', results, bytes: buffer, length: bytes.length }, [buffer]);
});
