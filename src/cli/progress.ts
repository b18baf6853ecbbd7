/**
 * The progress bar of long runs, on stderr and only when stderr is a terminal (cli-progress):
 * documents done, megabytes read, documents per second, and the ETA when the input size is known.
 */

/** Live progress of a run; `null` when it is not shown. */
export interface Progress {
  /** Records written so far and input bytes read so far. */
  update(docs: number, bytes: number, force?: boolean): void;
  /** Writes a line to stderr above the bar. */
  log(line: string): void;
  stop(): void;
}

const MB = 1024 * 1024;

/** `42s`, `3m05s`, `1h02m`. */
function duration(secs: number): string {
  const s = Math.max(0, Math.round(secs));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/**
 * A progress bar if `stream` is a TTY and not `quiet`, else `null` (cli-progress is loaded only then).
 * @param totalBytes - input size when known (files, a redirected stdin), for the bar and the ETA.
 */
export async function createProgress(totalBytes: number | null, options: { quiet?: boolean; stream?: NodeJS.WriteStream } = {}): Promise<Progress | null> {
  const stream = options.stream ?? process.stderr;
  if (options.quiet || !stream.isTTY) return null;
  const { default: cliProgress } = await import('cli-progress');
  const known = totalBytes !== null && totalBytes > 0;
  const bar = new cliProgress.SingleBar({
    stream,
    format: known
      ? ' {bar} {percentage}% | {docs} docs | {mb}/{totalmb} MB | {rate} docs/s | ETA {etatext}'
      : ' {docs} docs | {mb} MB | {rate} docs/s | {duration_formatted}',
    fps: 5,
    hideCursor: true,
    clearOnComplete: false,
  }, cliProgress.Presets.shades_classic);
  const t0 = Date.now();
  let last = 0;
  const payload = (docs: number, bytes: number): Record<string, unknown> => {
    const secs = (Date.now() - t0) / 1000;
    return {
      docs,
      mb: (bytes / MB).toFixed(1),
      totalmb: known ? (totalBytes! / MB).toFixed(1) : '?',
      rate: secs > 0 ? Math.round(docs / secs) : 0,
      etatext: known && bytes > 0 && secs > 0.5 ? duration(((totalBytes! - bytes) * secs) / bytes) : '…',
    };
  };
  bar.start(known ? totalBytes! : 1, 0, payload(0, 0));
  return {
    update(docs, bytes, force = false) {
      const now = Date.now();
      if (!force && now - last < 100) return;
      last = now;
      bar.update(known ? Math.min(bytes, totalBytes!) : 0, payload(docs, bytes));
    },
    log(line) {
      stream.cursorTo(0);
      stream.clearLine(0);
      stream.write(line);
      last = 0;
    },
    stop() {
      bar.stop();
    },
  };
}
