/**
 * Output streams of the CLI: stdout or a file, written with backpressure.
 *
 * Writes are gathered and handed to the stream together on `flush()` (or once 1 MiB is waiting):
 * the outputs of one worker batch lie side by side in one buffer and go out as one write, and
 * nothing waits per document. A write or flush returns a promise only when the stream's buffer is
 * full; it resolves when the stream has drained.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';

/** Raised when the reader of stdout went away (`aalam … | head`). */
export class BrokenPipe extends Error {}

/** A place to write the run's output to. */
export interface Output {
  /** Queues `s`; writes what is queued when it reaches 1 MiB. */
  write(s: string | Uint8Array): Promise<void> | void;
  /** Writes what is queued. */
  flush(): Promise<void> | void;
  /** Flushes, then ends the stream (stdout stays open). */
  end(): Promise<void>;
}

/** Bytes (about) queued before a write is forced. */
const FLUSH_AT = 1 << 20;

function writer(stream: NodeJS.WritableStream, isStdout: boolean): Output {
  let error: Error | null = null;
  stream.on('error', (err: Error & { code?: string }) => {
    error = isStdout && err.code === 'EPIPE' ? new BrokenPipe('EPIPE') : err;
  });
  /** Queued chunks; a view that continues the previous one in the same buffer extends it. */
  const parts: (string | Uint8Array)[] = [];
  let queued = 0;

  const put = (s: string | Uint8Array): Promise<void> | void => {
    if (error) return Promise.reject(error);
    if (stream.write(s)) return;
    return new Promise((resolve, reject) => {
      const onDrain = (): void => { stream.off('error', onError); resolve(); };
      const onError = (): void => { stream.off('drain', onDrain); reject(error ?? new Error('write failed')); };
      stream.once('drain', onDrain);
      stream.once('error', onError);
    });
  };
  const flush = (): Promise<void> | void => {
    if (error) return Promise.reject(error);
    if (!parts.length) return;
    let chunk: string | Uint8Array;
    if (parts.length === 1) chunk = parts[0]!;
    else if (parts.every((p) => typeof p === 'string')) chunk = parts.join('');
    else chunk = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
    parts.length = 0;
    queued = 0;
    return put(chunk);
  };
  return {
    write(s) {
      if (error) return Promise.reject(error);
      if (!s.length) return;
      const last = parts[parts.length - 1];
      if (typeof s !== 'string' && last !== undefined && typeof last !== 'string'
        && last.buffer === s.buffer && last.byteOffset + last.byteLength === s.byteOffset) {
        parts[parts.length - 1] = new Uint8Array(s.buffer, last.byteOffset, last.byteLength + s.byteLength);
      } else {
        parts.push(s);
      }
      queued += s.length;
      return queued >= FLUSH_AT ? flush() : undefined;
    },
    flush,
    async end() {
      await flush();
      if (isStdout) {
        if (error) throw error;
        return;
      }
      await new Promise<void>((resolve, reject) => {
        if (error) { reject(error); return; }
        (stream as WriteStream).end(() => (error ? reject(error) : resolve()));
      });
    },
  };
}

/** stdout, or `file` (truncated, or appended to with `append`; its folder is created). */
export function openOutput(file?: string, append = false): Output {
  if (!file || file === '-') return writer(process.stdout, true);
  mkdirSync(dirname(file), { recursive: true });
  return writer(createWriteStream(file, { flags: append ? 'a' : 'w', highWaterMark: FLUSH_AT }), false);
}
