import test from 'ava';
import { spawn } from 'node:child_process';
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
