import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import { checkAnnotateOptions, type AnnotateOptions } from '../annotator.js';
import { AalamError } from '../errors.js';
import { InlinePool, WorkerPool, type Executor } from './pool.js';
import type { RenderConfig, Result } from './render.js';

/** Options of `aalam serve`. */
export interface ServeOptions {
  /** `[host='127.0.0.1']` */
  readonly host?: string;
  /** `[port=8080]`; 0 picks a free port. */
  readonly port?: number;
  /** Largest request body in bytes. `[maxBytes=2_000_000]` */
  readonly maxBytes?: number;
  /**
   * Bytes the server may hold for clients at once: request bodies being read and answers not yet
   * taken by their clients. A request that would go over gets 503 `E_BUSY` (a 2 MB text makes an
   * answer of ~30 MB). `[maxPending=256_000_000]`
   */
  readonly maxPending?: number;
  /** A connection with no progress either way (its request not sent, its answer not read) for this long is closed. `[idleMs=30_000]` */
  readonly idleMs?: number;
  /**
   * Worker threads that annotate (0: the main thread). With workers, a long text does not hold up
   * other requests or `/health`, and one that takes over `timeoutMs` is stopped (503 `E_TIMEOUT`).
   * `[workers=1]`
   */
  readonly workers?: number;
  /** A text whose annotation takes longer is given up (its worker restarted). `[timeoutMs=30_000]` */
  readonly timeoutMs?: number;
  readonly lexiconFiles?: readonly string[];
}

/** A running server and its orderly stop. */
export interface Served {
  readonly server: Server;
  /**
   * Stops accepting connections, lets the requests in progress finish and their answers reach
   * their clients, closes idle connections, and after `graceMs` closes whatever is left. Resolves
   * when every connection is closed. A second call with a smaller grace cuts the wait short.
   */
  shutdown(graceMs?: number): Promise<void>;
}

/** An answer's size against its text's (UTF-8 bytes), about: a 2 MB news text makes ~30 MB of JSON. */
const ANSWER_RATIO = 16;

/**
 * One request: `POST /annotate` with `{"text": …, "options": {…}}` (or a text/plain body) → the
 * annotation as JSON; `GET /health` → `{"ok": true}`. Every failure is a JSON error with a stable
 * code; nothing a client sends or fails to read can stop the server or make it hold unbounded memory.
 */
export async function serve(options: ServeOptions = {}): Promise<Served> {
  const cfg: RenderConfig = { format: 'json', tagset: 'conll', keepTags: false, lexiconFiles: options.lexiconFiles ?? [] };
  /** Requests handed to the executor, by task number: the answer goes to `res` (removed when its client leaves). */
  const waiting = new Map<number, ServerResponse>();
  let seq = 0;
  let fatal: (Error & { code?: string }) | undefined;
  /** Resolves the start-up document's wait (task 0). */
  let warmed: (() => void) | undefined;
  const handlers = {
    onResult: (r: Result): void => {
      if (r.seq === 0) warmed?.();
      const res = waiting.get(r.seq);
      waiting.delete(r.seq);
      if (!res || res.destroyed) return;
      if (r.ok) return sendBytes(res, 200, typeof r.out === 'string' ? Buffer.from(r.out, 'utf8') : r.out);
      const { code, message } = r.error;
      const status = code === 'E_TIMEOUT' ? 503 : code.startsWith('E_') && code !== 'E_INTERNAL' && code !== 'E_WORKER_CRASH' ? 400 : 500;
      fail(res, status, code, message.replace(/^E_\w+: /, ''));
    },
    onFatal: (err: Error & { code?: string }): void => {
      fatal = err;
      warmed?.();
      // (after start-up: the workers cannot be started again; every waiting request is answered)
      for (const res of waiting.values()) if (!res.destroyed) fail(res, 500, 'E_INTERNAL', 'the annotator stopped (logged by the server)');
      waiting.clear();
      process.stderr.write(`aalam serve: ${err.message}\n`);
    },
  };
  const workers = options.workers ?? 1;
  const executor: Executor = workers > 0
    ? new WorkerPool(cfg, { size: workers, timeoutMs: options.timeoutMs ?? 30_000 }, handlers)
    : new InlinePool(cfg, handlers);
  // one document before listening: the annotator is built (a bad --lexicon file fails here) and warm
  await new Promise<void>((resolve) => {
    warmed = resolve;
    executor.submit({ seq: seq++, text: 'وصل وانغ يي إلى بكين' });
  });
  warmed = undefined;
  if (fatal) {
    await executor.close();
    throw fatal;
  }
  const maxBytes = options.maxBytes ?? 2_000_000;
  const maxPending = options.maxPending ?? 256_000_000;
  let pending = 0;
  let closing = false;
  const sockets = new Set<Socket>();
  /** Per connection: requests received whose answers are not yet handed to the system. */
  const inFlight = new WeakMap<Socket, number>();
  /** Per connection: the error answer to send once the answers in flight are out (a malformed request after a good one). */
  const lastWords = new WeakMap<Socket, string>();

  /** Holds `bytes` of the budget until `res` is done (sent, or its connection gone). */
  const hold = (res: ServerResponse, bytes: number): void => {
    pending += bytes;
    res.once('close', () => { pending -= bytes; });
  };

  const sendBytes = (res: ServerResponse, status: number, data: Uint8Array, headers: Record<string, string> = {}): void => {
    hold(res, data.length);
    if (closing) headers['connection'] = 'close';
    res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': String(data.length) });
    res.end(data);
  };
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void =>
    sendBytes(res, status, Buffer.from(JSON.stringify(body), 'utf8'), headers);
  const fail = (res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void =>
    send(res, status, { error: { code, message } }, headers);
  const BUSY = 'the server holds too much for other clients; try again';
  /** Answers and closes the connection after the answer (the rest of the request body is not read). */
  const refuse = (res: ServerResponse, status: number, code: string, message: string): void =>
    fail(res, status, code, message, { connection: 'close', ...(status === 503 ? { 'retry-after': '1' } : {}) });

  /** The body, or null when the request was answered already (too large, over the budget, or gone). */
  const readBody = (req: IncomingMessage, res: ServerResponse): Promise<string | null> =>
    new Promise((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      const finish = (v: string | null): void => {
        if (done) return;
        done = true;
        pending -= size;
        resolve(v);
      };
      req.on('data', (c: Buffer) => {
        if (done) return;
        size += c.length;
        pending += c.length;
        if (size > maxBytes) {
          refuse(res, 413, 'E_TOO_LARGE', `request body over ${maxBytes} bytes`);
          finish(null);
        } else if (pending > maxPending) {
          refuse(res, 503, 'E_BUSY', BUSY);
          finish(null);
        } else chunks.push(c);
      });
      req.on('end', () => finish(Buffer.concat(chunks).toString('utf8')));
      req.on('error', () => finish(null));
      req.on('close', () => finish(null));
    });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/health') {
      if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, 'E_METHOD', 'use GET', { allow: 'GET, HEAD' });
      return send(res, 200, { ok: true });
    }
    if (path !== '/annotate') return fail(res, 404, 'E_NOT_FOUND', 'POST /annotate or GET /health');
    if (req.method !== 'POST') return fail(res, 405, 'E_METHOD', 'use POST', { allow: 'POST' });
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes) return refuse(res, 413, 'E_TOO_LARGE', `request body over ${maxBytes} bytes`);
    if (pending + (1 + ANSWER_RATIO) * declared > maxPending) return refuse(res, 503, 'E_BUSY', BUSY);
    const body = await readBody(req, res);
    if (body === null) return;
    let text: unknown;
    let callOptions: AnnotateOptions | undefined;
    if ((req.headers['content-type'] ?? '').toLowerCase().startsWith('text/plain')) text = body;
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
        // (the library's own check, here rather than on a worker: a bad request costs no round trip)
        try {
          checkAnnotateOptions(rec.options, 'options');
        } catch (err) {
          if (err instanceof AalamError) return fail(res, 400, err.code, err.message.replace(/^E_\w+: /, ''));
          throw err;
        }
        callOptions = rec.options as AnnotateOptions;
      }
    }
    if (typeof text !== 'string') return fail(res, 400, 'E_RECORD', '"text" must be a string');
    // (the connection may have gone while the body was read: no work for nobody)
    if (req.socket.destroyed) return;
    if (fatal) return fail(res, 500, 'E_INTERNAL', 'the annotator stopped (logged by the server)');
    // annotated off this thread (with workers): its answer, ~15x the text, counts against the budget
    // from now on (answers come later, all at once for the requests queued meanwhile)
    const expected = ANSWER_RATIO * Buffer.byteLength(text);
    if (pending + expected > maxPending) return refuse(res, 503, 'E_BUSY', BUSY);
    const n = seq++;
    waiting.set(n, res);
    hold(res, expected);
    res.once('close', () => { if (waiting.get(n) === res) waiting.delete(n); });
    executor.submit({ seq: n, text, ...(callOptions ? { options: callOptions } : {}) });
  };

  const server = createServer((req, res) => {
    const socket = req.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    res.once('close', () => {
      const n = (inFlight.get(socket) ?? 1) - 1;
      inFlight.set(socket, n);
      if (n > 0) return;
      // an error answer waiting for this one; or, once stopping, the connection ends with its last answer
      const words = lastWords.get(socket);
      if (words !== undefined) {
        lastWords.delete(socket);
        if (socket.writable) socket.end(words, () => socket.destroy());
      } else if (closing) socket.end();
    });
    handle(req, res).catch((err: Error) => {
      process.stderr.write(`aalam serve: internal error: ${err.stack ?? err.message}\n`);
      if (!res.headersSent) fail(res, 500, 'E_INTERNAL', 'internal error (logged by the server)');
      else res.destroy();
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  // (no progress either way: a client that stops reading its answer lets go of it)
  server.timeout = options.idleMs ?? 30_000;
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  // Expect: 100-continue: an oversized or unaffordable body is refused before it is sent
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (!(declared > maxBytes) && !(pending + (1 + ANSWER_RATIO) * declared > maxPending)) res.writeContinue();
    server.emit('request', req, res);
  });
  server.on('clientError', (err: Error & { code?: string }, socket: Socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const code = status === 408 ? 'E_TIMEOUT' : 'E_HTTP';
    const message = status === 408 ? 'the request took too long to arrive' : status === 431 ? 'request headers too large' : 'malformed HTTP request';
    const body = JSON.stringify({ error: { code, message } });
    const answer = `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`;
    // (after a request of this connection that is still being answered: once its answer is out; a
    // request that did not arrive in time is the one in progress, and gets its answer now)
    if (status !== 408 && (inFlight.get(socket) ?? 0) > 0) lastWords.set(socket, answer);
    else socket.end(answer, () => socket.destroy());
  });

  let stopped: Promise<void> | undefined;
  let forceTimer: NodeJS.Timeout | undefined;
  const shutdown = (graceMs = 10_000): Promise<void> => {
    const force = (): void => { for (const s of sockets) s.destroy(); };
    if (forceTimer) clearTimeout(forceTimer);
    forceTimer = setTimeout(force, graceMs);
    forceTimer.unref();
    if (stopped) return stopped;
    closing = true;
    stopped = new Promise<void>((resolve) => {
      // the listening socket only: http.Server.close() also closes the connections it deems idle,
      // among them those whose answer is handed over but not yet sent (their clients got half of it)
      NetServer.prototype.close.call(server, () => {
        if (forceTimer) clearTimeout(forceTimer);
        executor.close().then(() => resolve(), () => resolve());
      });
      for (const s of sockets) if ((inFlight.get(s) ?? 0) === 0) s.end();
    });
    return stopped;
  };

  return new Promise((resolve, reject) => {
    server.once('error', (err) => { void executor.close(); reject(err); });
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => {
      server.removeAllListeners('error');
      resolve({ server, shutdown });
    });
  });
}
