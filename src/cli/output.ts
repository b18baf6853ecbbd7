/**
 * Output streams of the CLI: stdout or a file, written with backpressure (each write waits for
 * the stream to drain when its buffer is full).
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';

/** Raised when the reader of stdout went away (`aalam … | head`). */
export class BrokenPipe extends Error {}

/** A place to write the run's output to. */
export interface Output {
  write(s: string | Uint8Array): Promise<void>;
  end(): Promise<void>;
}

function writer(stream: NodeJS.WritableStream, isStdout: boolean): Output {
  let error: Error | null = null;
  stream.on('error', (err: Error & { code?: string }) => {
    error = isStdout && err.code === 'EPIPE' ? new BrokenPipe('EPIPE') : err;
  });
  return {
    write(s: string | Uint8Array): Promise<void> {
      if (error) return Promise.reject(error);
      if (!s.length) return Promise.resolve();
      return new Promise((resolve, reject) => {
        if (stream.write(s)) { resolve(); return; }
        const onDrain = (): void => { stream.off('error', onError); resolve(); };
        const onError = (): void => { stream.off('drain', onDrain); reject(error ?? new Error('write failed')); };
        stream.once('drain', onDrain);
        stream.once('error', onError);
      });
    },
    end(): Promise<void> {
      if (isStdout) return error ? Promise.reject(error) : Promise.resolve();
      return new Promise((resolve, reject) => {
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
  return writer(createWriteStream(file, { flags: append ? 'a' : 'w' }), false);
}
