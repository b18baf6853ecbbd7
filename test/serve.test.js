import test from 'ava';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { request } from 'node:http';
import { connect } from 'node:net';

const bin = fileURLToPath(new URL('../bin/aalam.js', import.meta.url));

// Starts `aalam serve` on a free loopback port and returns its base address.
async function start(t, ...args) {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  t.teardown(() => child.kill('SIGTERM'));
  const url = await new Promise((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
      const m = /listening on (http:\/\/[^\s]+)/.exec(err);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  return { url, child };
}

function call(url, path, { method = 'POST', body, type = 'application/json' } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url + path, { method, headers: body !== undefined ? { 'content-type': type } : {} }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { data += d; });
      res.on('end', () => resolve({ status: res.statusCode, body: data ? JSON.parse(data) : null }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

test('serve answers annotations, bad input with typed errors, and keeps serving', async (t) => {
  const { url, child } = await start(t, '--max-bytes', '5000');
  t.deepEqual(await call(url, '/health', { method: 'GET' }), { status: 200, body: { ok: true } });
  const ok = await call(url, '/annotate', { body: JSON.stringify({ text: 'وصل وانغ يي إلى بكين.', options: { topics: false } }) });
  t.is(ok.status, 200);
  t.deepEqual(ok.body.entities.map((e) => e.id), ['per/wang-yi', 'loc/beijing-cn']);
  t.false('topics' in ok.body);
  const plain = await call(url, '/annotate', { body: 'مظليون روس قرب موسكو', type: 'text/plain' });
  t.true(plain.body.entities.some((e) => e.id === 'loc/moscow-ru'));
  const bad = await Promise.all([
    call(url, '/annotate', { body: '{nope' }),
    call(url, '/annotate', { body: JSON.stringify({ id: 1 }) }),
    call(url, '/annotate', { body: JSON.stringify({ text: 'x', options: { bogus: 1 } }) }),
    call(url, '/annotate', { body: JSON.stringify({ text: 'ب'.repeat(6000) }) }),
    call(url, '/annotate', { method: 'GET' }),
    call(url, '/elsewhere', { method: 'GET' }),
  ]);
  t.deepEqual(bad.map((r) => [r.status, r.body.error.code]), [
    [400, 'E_JSON'], [400, 'E_RECORD'], [400, 'E_OPTION'], [413, 'E_TOO_LARGE'], [405, 'E_METHOD'], [404, 'E_NOT_FOUND'],
  ]);
  // a malformed request line gets a 400 and the server lives on
  await new Promise((resolve) => {
    const u = new URL(url);
    const s = connect(Number(u.port), u.hostname, () => s.end('GARBAGE\r\n\r\n'));
    s.on('close', resolve);
    s.on('error', resolve);
    s.resume();
  });
  // a burst of concurrent requests (bounded): every one answered
  const texts = Array.from({ length: 40 }, (_, i) => `قال ترودو في أوتاوا ${i}`);
  const many = await Promise.all(texts.map((text) => call(url, '/annotate', { body: JSON.stringify({ text, options: { topics: false, keyphrases: false } }) })));
  t.true(many.every((r) => r.status === 200 && r.body.entities.some((e) => e.id === 'per/justin-trudeau')));
  t.is(child.exitCode, null);
});

// A raw HTTP exchange: writes `parts`, resolves with everything read until the server closes (or `ms` pass).
function rawExchange(url, parts, { read = true, ms = 15_000 } = {}) {
  const u = new URL(url);
  return new Promise((resolve) => {
    const chunks = [];
    const s = connect(Number(u.port), u.hostname, () => { for (const p of parts) s.write(p); });
    if (!read) s.pause();
    s.on('data', (d) => chunks.push(d));
    const done = () => resolve({ text: Buffer.concat(chunks).toString('utf8'), socket: s });
    s.on('close', done);
    s.on('error', () => {});
    setTimeout(done, ms).unref();
  });
}

const bigText = 'وصل وانغ يي إلى بكين والتقى جاستن ترودو في أوتاوا. '.repeat(6000);

test('serve: an oversized body is refused from its Content-Length, before it is sent, and the connection closed', async (t) => {
  const { url } = await start(t, '--max-bytes', '1000');
  const head = 'POST /annotate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n';
  const huge = await rawExchange(url, [`${head}Content-Length: 99999999999\r\n\r\n{}`]);
  t.regex(huge.text, /^HTTP\/1\.1 413 [^]*connection: close[^]*"E_TOO_LARGE"/i);
  // Expect: 100-continue: no invitation to send the body, a 413 instead
  const expect = await rawExchange(url, [`${head}Content-Length: 50000000\r\nExpect: 100-continue\r\n\r\n`]);
  t.false(expect.text.includes('100 Continue'));
  t.regex(expect.text, /^HTTP\/1\.1 413 /);
  // a chunked body that never ends: answered and cut off at the limit, not read on
  const chunk = 'x'.repeat(4096);
  const endless = await rawExchange(url, [`${head}Transfer-Encoding: chunked\r\n\r\n`, ...Array.from({ length: 8 }, () => `1000\r\n${chunk}\r\n`)]);
  t.regex(endless.text, /^HTTP\/1\.1 413 /);
  t.is((endless.text.match(/HTTP\/1\.1/g) ?? []).length, 1, 'one answer only');
});

test('serve: bad option values are 400 E_OPTION; a malformed request after a good one gets its answer after the good one\'s', async (t) => {
  const { url } = await start(t);
  const bad = await Promise.all([{ types: 5 }, { types: ['per'] }, { topics: 'no' }].map((options) =>
    call(url, '/annotate', { body: JSON.stringify({ text: 'وصل وانغ يي إلى بكين', options }) })));
  t.deepEqual(bad.map((r) => [r.status, r.body.error.code]), [[400, 'E_OPTION'], [400, 'E_OPTION'], [400, 'E_OPTION']]);
  const plain = await call(url, '/annotate', { body: 'بكين', type: 'Text/Plain; charset=UTF-8' });
  t.is(plain.status, 200);
  const body = JSON.stringify({ text: 'بكين', options: { topics: false, keyphrases: false } });
  const both = await rawExchange(url, [`POST /annotate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}GARBAGE\r\n\r\n`]);
  t.regex(both.text, /^HTTP\/1\.1 200 OK[^]*"loc\/beijing-cn"[^]*HTTP\/1\.1 400 Bad Request[^]*"E_HTTP"/);
});

test('serve: clients that do not read their answers cannot make it hold more than --max-pending; others get 503 E_BUSY, then service again', async (t) => {
  const { url, child } = await start(t, '--max-pending', '12000000');
  const body = JSON.stringify({ text: bigText, options: { topics: false, keyphrases: false } });
  const request = `POST /annotate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
  // the answer is ~9 MB, more than the system's socket buffers take: it stays held while its client does not read it
  const u = new URL(url);
  const stalled = connect(Number(u.port), u.hostname, () => { stalled.write(request); stalled.write(body); });
  stalled.pause();
  stalled.on('error', () => {});
  t.teardown(() => stalled.destroy());
  let busy;
  for (let i = 0; i < 100; i++) {
    busy = await call(url, '/annotate', { body: JSON.stringify({ text: 'بكين' }) });
    if (busy.status === 503) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  t.is(busy.status, 503);
  t.is(busy.body.error.code, 'E_BUSY');
  stalled.destroy();
  await new Promise((r) => setTimeout(r, 200));
  const again = await call(url, '/annotate', { body: JSON.stringify({ text: 'بكين' }) });
  t.is(again.status, 200);
  t.is(child.exitCode, null);
});

test('serve: SIGTERM lets the answers in progress reach their clients whole, then exits 0', async (t) => {
  const { url, child } = await start(t);
  const body = JSON.stringify({ text: bigText, options: { topics: false, keyphrases: false } });
  const request = `POST /annotate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
  const answers = [0, 1].map(() => rawExchange(url, [request, body]));
  await new Promise((r) => setTimeout(r, 300));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  for (const a of await Promise.all(answers)) {
    const [head, json] = a.text.split('\r\n\r\n');
    const length = Number(/content-length: (\d+)/i.exec(head)?.[1]);
    t.is(Buffer.byteLength(json), length);
    t.true(JSON.parse(json).entities.length > 10_000);
  }
  t.is(await exited, 0);
});

test('serve: annotation runs on workers; /health answers during a long text, which gets 503 E_TIMEOUT past --timeout, and the server goes on', async (t) => {
  const { url, child } = await start(t, '--workers', '1', '--timeout', '1');
  // ~4 s of English for compromise on this kind of machine: over the 1 s limit, twice
  const english = 'Justin Trudeau visited Beijing on Tuesday and said that the relations between the two countries were very good, Reuters reported. '.repeat(4000);
  const slow = call(url, '/annotate', { body: JSON.stringify({ text: english, options: { topics: false, keyphrases: false } }) });
  await new Promise((r) => setTimeout(r, 300));
  const t0 = Date.now();
  t.deepEqual(await call(url, '/health', { method: 'GET' }), { status: 200, body: { ok: true } });
  t.true(Date.now() - t0 < 1500, 'health is not held up by the long text (~4 s)');
  const r = await slow;
  t.is(r.status, 503);
  t.is(r.body.error.code, 'E_TIMEOUT');
  const ok = await call(url, '/annotate', { body: JSON.stringify({ text: 'وصل وانغ يي إلى بكين' }) });
  t.is(ok.status, 200);
  t.deepEqual(ok.body.entities.map((e) => e.id), ['per/wang-yi', 'loc/beijing-cn']);
  t.is(child.exitCode, null);
});

test('serve: a bad --lexicon file stops it at start with a message (exit 2)', async (t) => {
  const r = spawnSync(process.execPath, [bin, 'serve', '--port', '0', '--lexicon', '/nonexistent/x.jsonl'], { encoding: 'utf8', timeout: 20_000 });
  t.is(r.status, 2);
  t.regex(r.stderr, /E_LEXICON_LOAD/);
  t.notRegex(r.stderr, /\n\s+at /);
});
