/**
 * The streaming core of `annotate` and `eval`: pulls records from a source, runs them on an
 * executor, and writes results in input order with bounded memory.
 *
 * At most `window` records are between "read" and "written": when the oldest unwritten record is
 * slow, reading pauses (and readline pauses its input stream) instead of buffering the input.
 * Writes wait for the output stream to drain.
 */
import type { Executor, PoolHandlers } from './pool.js';
import { taskChars, type Result, type Task } from './render.js';

/** What a source yields: a task to run, or a result already known (a record that failed to parse). */
export type SourceItem =
  | { readonly kind: 'task'; readonly task: Omit<Task, 'seq'> }
  | { readonly kind: 'result'; readonly result: DistributiveOmit<Result, 'seq'> };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Receives results in input order; a returned promise is awaited before the next one. `flush`, when
 * there is one, is called each time the results ready to go are used up (the sink may gather
 * writes until then).
 */
export type OrderedSink = ((result: Result) => Promise<void> | void) & { flush?: () => Promise<void> | void };

/** Records read and records that ended as error records. */
export interface PipelineStats {
  readonly records: number;
  readonly failed: number;
}

/**
 * Runs every item of `source` and passes each result to `sink` in input order.
 *
 * @param makeExecutor - builds the executor with the pipeline's handlers.
 * @param window - maximum records read but not yet written.
 * @param maxChars - maximum text (UTF-16 code units) read but not yet written, unless it is one record.
 */
export async function runPipeline(
  source: AsyncIterable<SourceItem>,
  makeExecutor: (h: PoolHandlers) => Executor,
  sink: OrderedSink,
  window: number,
  maxChars = 32 * 1024 * 1024,
): Promise<PipelineStats> {
  const done = new Map<number, Result>();
  /** Text length of each record between read and written, to bound memory on long documents too. */
  const sizes = new Map<number, number>();
  let chars = 0;
  let seq = 0;
  let next = 0;
  let failed = 0;
  let fatal: unknown = null;
  let wake: (() => void) | null = null;
  let pumping = false;

  const wakeUp = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const pump = async (): Promise<void> => {
    if (pumping) return;
    pumping = true;
    try {
      while (!fatal && done.has(next)) {
        do {
          const r = done.get(next)!;
          done.delete(next);
          const size = sizes.get(next);
          if (size !== undefined) { chars -= size; sizes.delete(next); }
          next++;
          if (!r.ok) failed++;
          const p = sink(r);
          if (p) await p;
        } while (!fatal && done.has(next));
        const p = sink.flush?.();
        if (p) await p;
        wakeUp();
      }
    } catch (err) {
      fatal ??= err;
      wakeUp();
    } finally {
      pumping = false;
    }
  };
  const deliver = (r: Result): void => {
    if (r.seq < next || done.has(r.seq)) return; // a late duplicate (a task retried after a timeout)
    done.set(r.seq, r);
    void pump();
  };
  const executor = makeExecutor({
    onResult: deliver,
    onFatal: (err) => { fatal ??= err; wakeUp(); },
  });
  const waitFor = async (cond: () => boolean): Promise<void> => {
    while (!fatal && !cond()) await new Promise<void>((resolve) => { wake = resolve; });
  };

  try {
    for await (const item of source) {
      await waitFor(() => seq - next < window && (chars < maxChars || seq === next));
      if (fatal) break;
      const s = seq++;
      if (item.kind === 'task') {
        const t = item.task;
        const size = taskChars(t);
        sizes.set(s, size);
        chars += size;
        executor.submit({ ...t, seq: s });
      }
      else deliver({ ...item.result, seq: s } as Result);
    }
    await waitFor(() => next === seq);
  } finally {
    await executor.close();
  }
  if (fatal) throw fatal;
  return { records: seq, failed };
}
