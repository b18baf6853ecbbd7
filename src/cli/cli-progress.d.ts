// The part of cli-progress (https://www.npmjs.com/package/cli-progress) that aalam uses; the package has no types.
declare module 'cli-progress' {
  interface Options {
    format?: string;
    stream?: NodeJS.WritableStream;
    fps?: number;
    hideCursor?: boolean | null;
    clearOnComplete?: boolean;
    stopOnComplete?: boolean;
    etaBuffer?: number;
    etaAsynchronousUpdate?: boolean;
    barsize?: number;
    noTTYOutput?: boolean;
    barCompleteChar?: string;
    barIncompleteChar?: string;
  }
  class SingleBar {
    constructor(options: Options, preset?: unknown);
    start(total: number, start: number, payload?: Record<string, unknown>): void;
    update(value: number | null, payload?: Record<string, unknown>): void;
    setTotal(total: number): void;
    stop(): void;
  }
  const Presets: { readonly shades_classic: unknown; readonly legacy: unknown; readonly rect: unknown };
  const _default: { SingleBar: typeof SingleBar; Presets: typeof Presets };
  export default _default;
}
