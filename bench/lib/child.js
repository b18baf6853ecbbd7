// Runs one bench section in a fresh `node` process (clean memory, its own heap limit, a timeout)
// and returns the JSON it prints on a line starting with "@@RESULT ".
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MARK = '@@RESULT ';

export function runChild(script, config, { nodeArgs = [], timeoutMs = 600_000, onLine } = {}) {
  const path = fileURLToPath(new URL(`../child/${script}`, import.meta.url));
  return new Promise((resolve) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, ['--expose-gc', ...nodeArgs, path, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; p.kill('SIGKILL'); }, timeoutMs);
    p.stdout.on('data', (d) => {
      out += d;
      if (onLine) for (const l of String(d).split('\n')) if (l && !l.startsWith(MARK)) onLine(l);
    });
    p.stderr.on('data', (d) => { err += d; });
    p.on('close', (code, signal) => {
      clearTimeout(timer);
      const wall = (performance.now() - t0) / 1000;
      const line = out.split('\n').find((l) => l.startsWith(MARK));
      if (line) { resolve({ ok: true, wall, ...JSON.parse(line.slice(MARK.length)) }); return; }
      const oom = /heap out of memory|Allocation failed/i.test(err);
      resolve({
        ok: false, wall, timedOut, oom, code, signal,
        error: timedOut ? `timeout after ${(timeoutMs / 1000).toFixed(0)} s` : oom ? 'out of memory' : (err.trim().split('\n').slice(-3).join(' ') || `exit ${code} ${signal ?? ''}`),
      });
    });
  });
}

/** In a child: read the config, run `fn`, print the result. */
export async function childMain(fn) {
  const config = JSON.parse(process.argv[2] ?? '{}');
  const result = await fn(config);
  process.stdout.write(MARK + JSON.stringify(result) + '\n');
}

export function mem() {
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers, maxRss: process.resourceUsage().maxRSS * 1024 };
}
