import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createAnnotator, type AnnotateOptions, type Annotator } from '../annotator.js';

/** Options of `aalam serve`. */
export interface ServeOptions {
  /** `[host='127.0.0.1']` */
  readonly host?: string;
  /** `[port=8080]`; 0 picks a free port. */
  readonly port?: number;
  /** Largest request body in bytes. `[maxBytes=2_000_000]` */
  readonly maxBytes?: number;
  readonly lexiconFiles?: readonly string[];
}

const OPTION_KEYS = new Set(['types', 'patterns', 'propagation', 'composition', 'language', 'forceArabic', 'topics', 'keyphrases']);

function send(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(data) });
  res.end(data);
}

const fail = (res: ServerResponse, status: number, code: string, message: string): void => send(res, status, { error: { code, message } });

/** Reads a body up to `max` bytes; resolves null (and answers 413) when it is larger. */
function readBody(req: IncomingMessage, res: ServerResponse, max: number): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (c: Buffer) => {
      if (done) return;
      size += c.length;
      if (size > max) {
        done = true;
        fail(res, 413, 'E_TOO_LARGE', `request body over ${max} bytes`);
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => { if (!done) { done = true; resolve(Buffer.concat(chunks).toString('utf8')); } });
    req.on('error', () => { if (!done) { done = true; resolve(null); } });
  });
}

/**
 * One request: `POST /annotate` with `{"text": …, "options": {…}}` (or a text/plain body) → the
 * annotation as JSON; `GET /health` → `{"ok": true}`. Every failure is a JSON error with a stable
 * code; nothing a client sends can stop the server.
 */
async function handle(annotator: Annotator, req: IncomingMessage, res: ServerResponse, maxBytes: number): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/health') {
    if (req.method !== 'GET') return fail(res, 405, 'E_METHOD', 'use GET');
    return send(res, 200, { ok: true });
  }
  if (path !== '/annotate') return fail(res, 404, 'E_NOT_FOUND', 'POST /annotate or GET /health');
  if (req.method !== 'POST') return fail(res, 405, 'E_METHOD', 'use POST');
  const body = await readBody(req, res, maxBytes);
  if (body === null) return;
  let text: unknown;
  let options: AnnotateOptions | undefined;
  if ((req.headers['content-type'] ?? '').startsWith('text/plain')) text = body;
  else {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (err) {
      return fail(res, 400, 'E_JSON', `invalid JSON: ${(err as Error).message}`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(res, 400, 'E_RECORD', 'send a JSON object {"text", "options"?}');
    const rec = value as Record<string, unknown>;
    text = rec.text;
    if (rec.options !== undefined) {
      if (typeof rec.options !== 'object' || rec.options === null || Array.isArray(rec.options)) return fail(res, 400, 'E_OPTION', '"options" must be an object');
      const bad = Object.keys(rec.options).filter((k) => !OPTION_KEYS.has(k));
      if (bad.length) return fail(res, 400, 'E_OPTION', `unknown option ${bad.join(', ')}`);
      options = rec.options as AnnotateOptions;
    }
  }
  if (typeof text !== 'string') return fail(res, 400, 'E_RECORD', '"text" must be a string');
  try {
    send(res, 200, annotator.annotate(text, options));
  } catch (err) {
    const e = err as Error & { code?: string };
    fail(res, e.code ? 400 : 500, e.code ?? 'E_INTERNAL', e.message);
  }
}

/** Starts the HTTP server; resolves once it listens. */
export function serve(options: ServeOptions = {}): Promise<Server> {
  const annotator = createAnnotator({ lexiconFiles: options.lexiconFiles ?? [] });
  const maxBytes = options.maxBytes ?? 2_000_000;
  const server = createServer((req, res) => {
    handle(annotator, req, res, maxBytes).catch((err: Error) => {
      if (!res.headersSent) fail(res, 500, 'E_INTERNAL', err.message);
      else res.destroy();
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => resolve(server));
  });
}
