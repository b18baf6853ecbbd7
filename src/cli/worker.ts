/**
 * Worker thread entry of the annotate/eval pool: builds its own annotator once, then renders the
 * tasks it is sent, one result message per task, in the order received.
 *
 * Messages in: `{ type: 'tasks', tasks }`. Messages out: `{ type: 'ready' }` once the annotator is
 * built, `{ type: 'results', results }` per batch, `{ type: 'fatal', code, message }` when the
 * annotator cannot be built (a bad `--lexicon` file), after which the worker idles.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createAnnotator, type Annotator } from '../annotator.js';
import { runTask, type RenderConfig, type Result, type Task } from './render.js';

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
  const text = task.text ?? task.conll?.sentences.map((s) => s.tokens.join(' ')).join('\n') ?? '';
  if (!text.includes(fault.mark)) return;
  if (fault.kind === 'crash') process.exit(70);
  for (;;) { /* hang */ }
}

let annotator: Annotator | null = null;
try {
  annotator = createAnnotator({ lexiconFiles: cfg.lexiconFiles });
  port.postMessage({ type: 'ready' });
} catch (err) {
  const e = err as Error & { code?: string };
  port.postMessage({ type: 'fatal', code: e.code ?? 'E_INTERNAL', message: e.message });
}

port.on('message', (msg: { type: string; tasks?: Task[] }) => {
  if (msg.type !== 'tasks' || !annotator) return;
  // One answer per batch: a message costs more than annotating a short document.
  const results: Result[] = [];
  for (const task of msg.tasks!) {
    faultFor(task);
    results.push(runTask(annotator, cfg, task));
  }
  // The outputs travel as UTF-8 in one transferred buffer: no copy of the strings, and the main
  // thread writes the bytes as they are.
  const lens = results.map((r) => (r.ok && typeof r.out === 'string' ? Buffer.byteLength(r.out) : 0));
  const buf = Buffer.allocUnsafeSlow(lens.reduce((a, b) => a + b, 0));
  let off = 0;
  const packed = results.map((r, i) => {
    const n = lens[i]!;
    if (!n || !r.ok) return r;
    buf.write(r.out as string, off);
    const view = new Uint8Array(buf.buffer, buf.byteOffset + off, n);
    off += n;
    return { ...r, out: view };
  });
  port.postMessage({ type: 'results', results: packed }, [buf.buffer]);
});
