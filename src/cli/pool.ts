/**
 * Runs tasks on `worker_threads`, each worker with its own annotator, and hands every task back
 * exactly one result, whatever happens to the workers.
 *
 * - Workers are started on demand, up to `size`, so a one-document run starts one.
 * - Tasks go to workers in batches of about `batchChars` of text (one message each way), and each
 *   worker has two batches in flight: it never waits for the next one, and at the end of the input
 *   no worker sits on a long queue while the other one is done.
 * - When a worker dies (uncaught error, out of memory, exit) or stops answering for `timeoutMs`,
 *   it is replaced and its unfinished tasks become suspects: each is re-run alone on a worker.
 *   A suspect that kills its worker (or times out) again gets an error result
 *   (`E_WORKER_CRASH` / `E_TIMEOUT`) and the run goes on.
 * - A worker that cannot build its annotator (bad lexicon file) stops the run (`onFatal`).
 *
 * `InlinePool` does the same work on the main thread (`--workers 0`).
 */
import { Worker } from 'node:worker_threads';
import type { Annotator } from '../annotator.js';
import { errorResult, packTasks, runTask, taskChars, taskId, type RenderConfig, type Result, type Task } from './render.js';

/** Where results go, and what stops the run. */
export interface PoolHandlers {
  onResult(result: Result): void;
  onFatal(error: Error & { code?: string }): void;
}

/** Something that runs tasks: a worker pool or the main thread. */
export interface Executor {
  submit(task: Task): void;
  close(): Promise<void>;
}

/** Size and limits of a `WorkerPool`. */
export interface PoolOptions {
  /** Maximum number of workers. */
  readonly size: number;
  /** Text per message (UTF-16 code units): a batch is cut once it has this much. `[batchChars=16384]` */
  readonly batchChars?: number;
  /** Tasks per message at most. `[maxBatch=256]` */
  readonly maxBatch?: number;
  /** A worker with tasks in flight and no result for this long is killed. `[timeoutMs=120000]` */
  readonly timeoutMs?: number;
}

interface Slot {
  readonly worker: Worker;
  readonly inflight: Map<number, Task>;
  /** Messages of tasks not answered yet (a worker answers each with one message). */
  batches: number;
  ready: boolean;
  /** Running one suspect task alone. */
  solo: boolean;
  lastActivity: number;
  dead: boolean;
  timedOut: boolean;
  lastError: string;
}

/** What a worker sends (see worker.ts). */
type WorkerMessage = {
  type: string;
  results?: (Result | (Omit<Extract<Result, { ok: true }>, 'out'> & { out: [number, number] }))[];
  bytes?: ArrayBuffer;
  code?: string;
  message?: string;
};

/** Batches in flight per worker: one it works on, one waiting. */
const MAX_BATCHES = 2;

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** The worker-thread executor (see the module comment for the guarantees). */
export class WorkerPool implements Executor {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private queueHead = 0;
  private readonly suspects: Task[] = [];
  private readonly batchChars: number;
  private readonly maxBatch: number;
  private scheduled = false;
  private readonly timeoutMs: number;
  private readonly timer: NodeJS.Timeout;
  private startupFailures = 0;
  private closed = false;
  private fatal = false;
  /** Workers that died, for the final report. */
  crashes = 0;

  constructor(private readonly cfg: RenderConfig, private readonly opts: PoolOptions, private readonly h: PoolHandlers) {
    this.batchChars = Math.max(1, opts.batchChars ?? 16384);
    this.maxBatch = Math.max(1, opts.maxBatch ?? 256);
    this.timeoutMs = opts.timeoutMs ?? 120_000;
    this.timer = setInterval(() => this.checkTimeouts(), Math.min(1000, Math.max(50, this.timeoutMs / 4)));
    this.timer.unref();
  }

  submit(task: Task): void {
    this.queue.push(task);
    // Dispatch once the producer pauses, so that tasks submitted together travel together.
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => { this.scheduled = false; this.dispatch(); });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await Promise.all(this.slots.map((s) => { s.dead = true; return s.worker.terminate(); }));
    this.slots.length = 0;
  }

  private pending(): number {
    return this.queue.length - this.queueHead;
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_URL, { workerData: this.cfg });
    const slot: Slot = { worker, inflight: new Map(), batches: 0, ready: false, solo: false, lastActivity: Date.now(), dead: false, timedOut: false, lastError: '' };
    worker.on('message', (msg: WorkerMessage) => {
      if (slot.dead) return;
      if (msg.type === 'results') {
        slot.lastActivity = Date.now();
        slot.batches--;
        for (const r of msg.results!) {
          slot.inflight.delete(r.seq);
          // An output travels as [offset, length] into the batch's UTF-8 bytes (see worker.ts).
          this.h.onResult(r.ok && Array.isArray(r.out) ? { ...r, out: new Uint8Array(msg.bytes!, r.out[0], r.out[1]) } : r as Result);
        }
        if (!slot.inflight.size) slot.solo = false;
        this.dispatch();
      } else if (msg.type === 'ready') {
        slot.ready = true;
        slot.lastActivity = Date.now(); // the timeout counts from here, not from the start-up
        this.startupFailures = 0;
      } else if (msg.type === 'fatal') {
        this.fail(Object.assign(new Error(msg.message ?? 'cannot build the annotator'), { code: msg.code }));
      }
    });
    worker.on('error', (err) => { slot.lastError = err.message; });
    worker.on('exit', (code) => this.onExit(slot, code));
    this.slots.push(slot);
    return slot;
  }

  private fail(err: Error & { code?: string }): void {
    if (this.fatal) return;
    this.fatal = true;
    this.h.onFatal(err);
  }

  private onExit(slot: Slot, code: number): void {
    if (slot.dead && !slot.timedOut) return; // terminated by close()
    slot.dead = true;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    if (this.closed || this.fatal) return;
    this.crashes++;
    if (!slot.ready && !slot.timedOut) {
      if (++this.startupFailures >= 3) {
        this.fail(new Error(`worker failed to start (exit code ${code})${slot.lastError ? `: ${slot.lastError}` : ''}`));
        return;
      }
    }
    const why = slot.timedOut ? `no answer within ${this.timeoutMs} ms` : `worker died (exit code ${code})${slot.lastError ? `: ${slot.lastError}` : ''}`;
    for (const task of slot.inflight.values()) {
      if (task.suspect) {
        // It was running alone: this task is what killed the worker.
        this.h.onResult(errorResult(task.seq, taskId(task), task.line, slot.timedOut ? 'E_TIMEOUT' : 'E_WORKER_CRASH', why));
      } else {
        task.suspect = true;
        this.suspects.push(task);
      }
    }
    slot.inflight.clear();
    slot.batches = 0;
    this.dispatch();
  }

  private checkTimeouts(): void {
    const now = Date.now();
    for (const slot of this.slots) {
      if (!slot.dead && slot.ready && slot.inflight.size && now - slot.lastActivity > this.timeoutMs) {
        slot.timedOut = true;
        slot.dead = true;
        void slot.worker.terminate();
      }
    }
  }

  private send(slot: Slot, tasks: Task[]): void {
    if (!slot.inflight.size) slot.lastActivity = Date.now();
    for (const t of tasks) slot.inflight.set(t.seq, t);
    slot.batches++;
    const { tasks: wire, bytes } = packTasks(tasks);
    slot.worker.postMessage({ type: 'tasks', tasks: wire, bytes }, bytes ? [bytes] : []);
  }

  private dispatch(): void {
    if (this.closed || this.fatal) return;
    // Suspects run alone, on an idle worker.
    while (this.suspects.length) {
      let slot = this.slots.find((s) => !s.dead && !s.inflight.size);
      if (!slot && this.slots.length < this.opts.size) slot = this.spawn();
      if (!slot) break;
      slot.solo = true;
      this.send(slot, [this.suspects.shift()!]);
    }
    // While suspects wait, let the least busy worker run dry so that one can take them.
    let reserved: Slot | undefined;
    if (this.suspects.length) {
      for (const s of this.slots) if (!s.dead && !s.solo && (!reserved || s.inflight.size < reserved.inflight.size)) reserved = s;
    }
    while (this.pending()) {
      // The worker with the fewest batches in flight, if it has room for one more.
      let best: Slot | undefined;
      for (const s of this.slots) {
        if (s.dead || s.solo || s === reserved || s.batches >= MAX_BATCHES) continue;
        if (!best || s.batches < best.batches) best = s;
      }
      if ((!best || best.batches > 0) && this.slots.length < this.opts.size) best = this.spawn();
      if (!best) break;
      // Spread work: a batch takes at most an even share of what is waiting.
      const most = Math.min(this.maxBatch, Math.ceil(this.pending() / this.opts.size));
      const end = Math.min(this.queue.length, this.queueHead + most);
      let i = this.queueHead;
      for (let chars = 0; i < end && chars < this.batchChars; i++) chars += taskChars(this.queue[i]!);
      const batch = this.queue.slice(this.queueHead, i);
      this.queueHead = i;
      if (this.queueHead > 1024 && this.queueHead * 2 > this.queue.length) {
        this.queue.splice(0, this.queueHead);
        this.queueHead = 0;
      }
      this.send(best, batch);
    }
  }
}

/**
 * Runs tasks on the main thread, one at a time (`--workers 0`). The annotator module is loaded
 * here, on first use, so that a run with workers does not load it on the main thread.
 */
export class InlinePool implements Executor {
  private annotator: Annotator | null = null;
  private readonly queue: Task[] = [];
  private running = false;
  private closed = false;

  constructor(private readonly cfg: RenderConfig, private readonly h: PoolHandlers) {}

  submit(task: Task): void {
    this.queue.push(task);
    if (!this.running) { this.running = true; setImmediate(() => (this.annotator ? this.drain() : void this.start())); }
  }

  private async start(): Promise<void> {
    try {
      const { createAnnotator } = await import('../annotator.js');
      if (!this.closed) this.annotator = createAnnotator({ lexiconFiles: this.cfg.lexiconFiles });
    } catch (err) {
      this.closed = true;
      this.h.onFatal(err as Error);
      return;
    }
    this.drain();
  }

  private drain(): void {
    const task = this.queue.shift();
    if (!task || this.closed) { this.running = false; return; }
    this.h.onResult(runTask(this.annotator!, this.cfg, task));
    setImmediate(() => this.drain());
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
