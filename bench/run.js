#!/usr/bin/env node
// aalam benchmark suite (issues 2, 3, 4 and 8): builds its own inputs from corpus/, runs every
// section in a fresh child process, prints a table and writes bench/RESULTS.md.
//
//   node bench/run.js            full run (< ~8 min on 2 cores)
//   node bench/run.js --quick    ~1 min: smaller inputs, fewer runs, no 1M lexicon, no profiles
//   options: --only=throughput,lexicons,cold,linear,adversarial,cli,realtext,profile   run some sections
//            --profile / --no-profile   force / skip the CPU profiles of missed targets
//            --ac-1m                    also build modern-ahocorasick with the 1M lexicon (slow)
//            --no-write                 do not touch bench/RESULTS.md (results still in bench/out/)
//            --render                   only re-render bench/RESULTS.md from the last saved run
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChild } from './lib/child.js';
import { buildNewsText, cutArticles } from './lib/corpus.js';
import { prefixByBytes } from './lib/timing.js';
import { median, fmt, bytes, MB } from './lib/stats.js';
import { profileTask } from './profile.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = join(ROOT, 'bench/out');
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 11).map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
  process.exit(0);
}
const QUICK = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only='));
const ONLY = onlyArg ? new Set(onlyArg.slice(7).split(',')) : null;
const want = (s) => !ONLY || ONLY.has(s);
const T0 = performance.now();

// ---------------------------------------------------------------- configuration per mode
const C = QUICK
  ? {
    // one child per annotate call mode (mixing option objects in one process costs deopts)
    throughput: [
      { mode: 'entities', textBytes: 20e6, normTok: true, normTokBytes: 4e6, runs: 3, articleBytes: 5120, annotateBytes: 1e6, ac: true, acBytes: 0.25e6, acRuns: 2 },
      { mode: 'default', textBytes: 2e6, runs: 2, articleBytes: 5120, annotateBytes: 1e6 },
      { mode: 'matching', textBytes: 2e6, runs: 2, articleBytes: 5120, annotateBytes: 1e6 },
      { mode: 'tagging', textBytes: 2e6, runs: 2, articleBytes: 5120, annotateBytes: 1e6 },
    ],
    lexicons: [
      { size: 'shipped', tag: false },
      { size: 10000, tag: true, tagBytes: 0.5e6, runs: 2, ac: false },
      { size: 100000, tag: true, tagBytes: 0.5e6, runs: 2, ac: false },
    ],
    coldRuns: 3,
    // linearity per call mode: sizes in MB; the last one is tried only if predicted to fit `bigBudgetS`
    linear: { modes: ['entities', 'default'], sizes: [[1, 4], [5, 1]], big: [20], bigBudgetS: 10, baseCalls: 3 },
    adversarial: { modes: ['entities'], runs: 1, oneMb: 1, lineMb: 5, lineBudgetS: 5, peopleMb: 5, timeoutMs: 60_000 },
    cli: { bytes: 2e6, runs: 1 },
    realtext: { rounds: 3, warmBytes: 1e6 },
    profile: false,
  }
  : {
    throughput: [
      { mode: 'entities', textBytes: 20e6, normTok: true, normTokBytes: 20e6, runs: 5, articleBytes: 5120, annotateBytes: 10e6, ac: true, acBytes: 1e6, acRuns: 3 },
      { mode: 'default', textBytes: 5e6, runs: 3, articleBytes: 5120, annotateBytes: 3e6 },
      { mode: 'matching', textBytes: 5e6, runs: 3, articleBytes: 5120, annotateBytes: 3e6 },
      { mode: 'tagging', textBytes: 5e6, runs: 3, articleBytes: 5120, annotateBytes: 3e6 },
    ],
    lexicons: [
      { size: 'shipped', tag: false },
      { size: 10000, tag: true, tagBytes: 2e6, runs: 3, ac: true, acBytes: 0.5e6, acRuns: 2 },
      { size: 100000, tag: true, tagBytes: 4e6, runs: 3, ac: true, acBytes: 0.5e6, acRuns: 2 },
      { size: 1000000, tag: true, tagBytes: 4e6, runs: 3, buildRuns: 3, ac: args.includes('--ac-1m'), acBytes: 0.5e6, acRuns: 1 },
    ],
    coldRuns: 7,
    linear: { modes: ['entities', 'default'], sizes: [[1, 5], [10, 3]], big: [100, 20], bigBudgetS: 45, bigRuns: 2, baseCalls: 8 },
    adversarial: { modes: ['entities', 'default'], runs: 3, oneMb: 1, lineMb: 50, lineBudgetS: 40, peopleMb: 40, timeoutMs: 120_000 },
    // 24 MB: at 6 MB a run took ~1.4 s, and process start, worker start and JIT warm-up were a large part of it
    cli: { bytes: 24e6, runs: 2, mainThreadRuns: 1 },
    realtext: { rounds: 7, warmBytes: 2e6 },
    profile: true,
  };
if (args.includes('--profile')) C.profile = true;
if (args.includes('--no-profile')) C.profile = false;

const log = (s) => process.stderr.write(s + '\n');
const elapsed = () => `${((performance.now() - T0) / 1000).toFixed(0)} s`;

// ---------------------------------------------------------------- machine
function machine() {
  let cpu = 'unknown';
  try { cpu = (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m) ?? [])[1] ?? cpu; } catch { /* not Linux */ }
  let nproc = String(os.availableParallelism());
  try { nproc = execFileSync('nproc', { encoding: 'utf8' }).trim(); } catch { /* no coreutils */ }
  let distBuilt = null;
  try { distBuilt = statSync(join(ROOT, 'dist/index.js')).mtime.toISOString(); } catch { /* not built */ }
  return {
    nproc, cpu, node: process.version, date: new Date().toISOString(), platform: `${os.type()} ${os.release()} ${os.arch()}`,
    memGB: os.totalmem() / 2 ** 30, loadStart: os.loadavg(), distBuilt, mode: QUICK ? 'quick' : 'full',
  };
}

// ---------------------------------------------------------------- sections
async function sectionThroughput() {
  const out = {};
  for (const cfg of C.throughput) {
    log(`[${elapsed()}] ${cfg.normTok ? 'normalize+tokenize, ' : ''}annotate (${cfg.mode}) on 5 KB articles, shipped lexicons …`);
    const r = await runChild('throughput.js', cfg, { nodeArgs: ['--max-old-space-size=6144'] });
    if (!r.ok) log(`  failed: ${r.error}`);
    out[cfg.mode] = r;
  }
  const e = out.entities;
  return { ok: !!e?.ok, corpus: e?.corpus, normTok: e?.normTok, annotate: e?.annotate, ac: e?.ac, modes: out };
}

async function sectionLexicons() {
  const out = [];
  for (const l of C.lexicons) {
    log(`[${elapsed()}] lexicon ${l.size}: build, memory${l.tag ? ', tagging' : ''}${l.buildRuns > 1 ? ` (${l.buildRuns} builds)` : ''} …`);
    const opts = { nodeArgs: ['--max-old-space-size=8192'], timeoutMs: 600_000 };
    const r = await runChild('lexicon.js', { articleBytes: 5120, ...l }, opts);
    if (!r.ok) log(`  failed: ${r.error}`);
    // Build time and peak RSS are the median of `buildRuns` builds, each in a fresh process (the
    // first also tags): one build's time depends on where the one full collection it starts ends.
    if (r.ok && l.buildRuns > 1) {
      const builds = [r];
      for (let i = 1; i < l.buildRuns; i++) {
        const b = await runChild('lexicon.js', { articleBytes: 5120, ...l, buildOnly: true }, opts);
        if (b.ok) builds.push(b);
      }
      const mid = builds.slice().sort((a, b) => a.buildMs - b.buildMs)[builds.length >> 1];
      r.builds = builds.map((b) => ({ buildMs: b.buildMs, compileMs: b.compileMs, createMs: b.createMs, peakRssBuild: b.peakRssBuild, firstMbMs: b.firstMb?.ms }));
      r.buildMs = mid.buildMs;
      r.compileMs = mid.compileMs;
      r.createMs = mid.createMs;
      r.peakRssBuild = median(builds.map((b) => b.peakRssBuild));
    }
    out.push({ size: l.size, ...r });
  }
  return out;
}

function spawnTimed(argv, opts = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const p = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let out = '';
    let tLine = null;
    p.stdout.on('data', (d) => { if (tLine === null) tLine = performance.now() - t0; out += d; });
    p.stderr.on('data', () => {});
    p.on('close', (code) => resolve({ code, toOutput: tLine, toExit: performance.now() - t0, out }));
  });
}

async function sectionCold() {
  log(`[${elapsed()}] cold start (${C.coldRuns} fresh processes each) …`);
  const script = join(ROOT, 'bench/child/cold.js');
  await spawnTimed([script]); // warm the file cache once
  const runs = [];
  for (let i = 0; i < C.coldRuns; i++) {
    const bare = await spawnTimed([script, 'bare']);
    const full = await spawnTimed([script]);
    const extra = await spawnTimed([script, 'extra']);
    const b = JSON.parse(bare.out);
    const f = JSON.parse(full.out);
    const x = JSON.parse(extra.out);
    runs.push({ bare: bare.toOutput, bareRss: b.rss, full: full.toOutput, ...f, extra: extra.toOutput, extraCreate: x.tCreate - x.tImport });
  }
  return {
    ok: true, runs: runs.length,
    toResult: median(runs.map((r) => r.full)),
    bareNode: median(runs.map((r) => r.bare)),
    ratioBare: median(runs.map((r) => r.full / r.bare)),
    importMs: median(runs.map((r) => r.tImport - r.tStart)),
    createMs: median(runs.map((r) => r.tCreate - r.tImport)),
    firstMs: median(runs.map((r) => r.tFirst - r.tCreate)),
    nodeToScript: median(runs.map((r) => r.tStart)),
    rss: median(runs.map((r) => r.rss)),
    maxRss: median(runs.map((r) => r.maxRss)),
    heapUsed: median(runs.map((r) => r.heapUsed)),
    bareRss: median(runs.map((r) => r.bareRss)),
    entities: runs[0].entities,
    withExtra: median(runs.map((r) => r.extra)),
    withExtraCreateMs: median(runs.map((r) => r.extraCreate)),
  };
}

async function sectionLinear() {
  const out = [];
  const L = C.linear;
  const memGB = os.totalmem() / 2 ** 30;
  const heap = Math.min(16384, Math.floor(memGB * 1024 * 0.7));
  for (const mode of L.modes) {
    const done = [];
    for (const [mb, runs] of L.sizes) {
      log(`[${elapsed()}] linearity (${mode}): one ${mb} MB document …`);
      const r = await runChild('linear.js', { mode, mb, runs, baseCalls: L.baseCalls, normTok: mode === 'entities' }, { nodeArgs: [`--max-old-space-size=${heap}`, '--expose-gc'], timeoutMs: 300_000 });
      if (!r.ok) log(`  failed: ${r.error}`);
      out.push({ mode, mb, ...r });
      if (r.ok) done.push(r);
    }
    // the largest size only when predicted to fit the budget: growth exponent from the two sizes measured
    if (done.length >= 2) {
      const [a, b] = done.slice(-2);
      const ta = a.bytes / MB / a.annotate.wall;
      const tb = b.bytes / MB / b.annotate.wall;
      const k = Math.max(1, Math.log(tb / ta) / Math.log(b.bytes / a.bytes));
      let picked = null;
      const skipped = [];
      for (const mb of L.big) {
        const predicted = tb * (mb * MB / b.bytes) ** k;
        const fits = predicted <= L.bigBudgetS && (mb < 50 || memGB >= 12);
        if (fits) { picked = { mb, predicted }; break; }
        skipped.push(`${mb} MB (predicted ${fmt(predicted, 0)} s${mb >= 50 && memGB < 12 ? `, ${fmt(memGB, 0)} GB of memory` : ''})`);
      }
      const note = skipped.length ? `skipped ${skipped.join(', ')}: over the ${L.bigBudgetS} s budget` : undefined;
      if (picked) {
        log(`[${elapsed()}] linearity (${mode}): one ${picked.mb} MB document (predicted ${fmt(picked.predicted, 0)} s) …`);
        const timeoutMs = Math.max(60_000, Math.min(3 * picked.predicted * (L.bigRuns ?? 1) + 30, 2.5 * L.bigBudgetS) * 1000);
        const r = await runChild('linear.js', { mode, mb: picked.mb, runs: L.bigRuns ?? 1, baseCalls: L.baseCalls, normTok: mode === 'entities' }, { nodeArgs: [`--max-old-space-size=${heap}`, '--expose-gc'], timeoutMs });
        if (!r.ok) log(`  failed: ${r.error}`);
        out.push({ mode, mb: picked.mb, note, predictedS: picked.predicted, ...r });
      } else out.push({ mode, mb: L.big[L.big.length - 1], ok: false, skipped: true, error: note });
    }
  }
  return out;
}

// Development data beside the project (not shipped; skipped when absent): real news vocabulary.
const REAL_TEXT = join(ROOT, '../shared/data/anercorp/train.txt');

async function sectionRealText() {
  log(`[${elapsed()}] real news text (ANERcorp training split, development data) …`);
  const r = await runChild('realtext.js', { path: REAL_TEXT, articleBytes: 5120, ...C.realtext });
  if (!r.ok) log(`  failed: ${r.error}`);
  else if (r.skipped) log(`  skipped: ${r.skipped}`);
  return r;
}

async function sectionAdversarial() {
  const a = C.adversarial;
  const out = [];
  for (const mode of a.modes) {
    for (const shape of ['word', 'diacritics', 'tatweel', 'clitics', 'names', 'lines']) {
      log(`[${elapsed()}] adversarial (${mode}): ${shape} …`);
      const r = await runChild('adversarial.js', { shape, mode, mb: a.oneMb, newsMb: 1, runs: a.runs }, { nodeArgs: ['--max-old-space-size=8192'], timeoutMs: a.timeoutMs });
      if (!r.ok) log(`  failed: ${r.error}`);
      out.push({ shape, mode, mb: a.oneMb, ...r });
    }
  }
  // one long line (entity mode): as large as the budget allows at the news speed just measured
  const newsMsPerMb = median(out.filter((x) => x.ok && x.mode === 'entities').map((x) => x.newsMsPerMb));
  const fit = Math.floor((a.lineBudgetS * 1000) / (newsMsPerMb || 1000));
  const mb = Math.max(1, Math.min(a.lineMb, fit));
  const note = mb < a.lineMb ? `${mb} MB instead of ${a.lineMb} MB: at ${fmt(newsMsPerMb, 0)} ms/MB, ${a.lineMb} MB would take ~${fmt((a.lineMb * newsMsPerMb) / 1000, 0)} s` : undefined;
  log(`[${elapsed()}] adversarial (entities): one line of ${mb} MB …`);
  const r = await runChild('adversarial.js', { shape: 'line', mode: 'entities', mb, newsMb: 1, runs: 1 }, { nodeArgs: ['--max-old-space-size=12288'], timeoutMs: Math.max(a.timeoutMs, 4 * a.lineBudgetS * 1000) });
  if (!r.ok) log(`  failed: ${r.error}`);
  out.push({ shape: 'line', mode: 'entities', mb, note, ...r });
  // a long document naming ever new people (entity mode): what grows with the document's names
  log(`[${elapsed()}] adversarial (entities): ${a.peopleMb} MB of ever new people …`);
  const p = await runChild('adversarial.js', { shape: 'people', mode: 'entities', mb: a.peopleMb, newsMb: 1, runs: 1 }, { nodeArgs: ['--max-old-space-size=8192'], timeoutMs: Math.max(a.timeoutMs, 4 * a.lineBudgetS * 1000) });
  if (!p.ok) log(`  failed: ${p.error}`);
  out.push({ shape: 'people', mode: 'entities', mb: a.peopleMb, ...p });
  return out;
}

function runCli(argv, inputFile) {
  return new Promise((resolve) => {
    const inFd = openSync(inputFile, 'r');
    const outFile = join(OUT, 'cli-out.jsonl');
    const outFd = openSync(outFile, 'w');
    const t0 = performance.now();
    // through sh so that `times` reports the CLI process's CPU time (all its threads)
    const sh = existsSync('/bin/sh');
    const p = sh
      ? spawn('/bin/sh', ['-c', '"$0" "$@" 1>&3; s=$?; times >&2; exit $s', process.execPath, join(ROOT, 'bin/aalam.js'), ...argv], { stdio: [inFd, 'ignore', 'pipe', outFd] })
      : spawn(process.execPath, [join(ROOT, 'bin/aalam.js'), ...argv], { stdio: [inFd, outFd, 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => { err += d; });
    // the output file's size over time (a stat every 10 ms), for the rate of the run's second half
    const grew = [];
    const sample = () => { try { grew.push([performance.now() - t0, fstatSync(outFd).size]); } catch { /* closed */ } };
    const iv = setInterval(sample, 10);
    p.on('close', (code) => {
      const ms = performance.now() - t0;
      clearInterval(iv);
      sample();
      let cpuMs = null;
      const t = err.match(/(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/);
      if (sh && t) {
        cpuMs = (Number(t[1]) * 60 + Number(t[2]) + Number(t[3]) * 60 + Number(t[4])) * 1000;
        err = err.slice(0, t.index).replace(/\d+m[\d.]+s \d+m[\d.]+s\s*$/, '');
      }
      closeSync(inFd); closeSync(outFd);
      const data = readFileSync(outFile);
      const text = data.toString('utf8');
      let lines = 0;
      let errors = 0;
      for (const l of text.split('\n')) { if (!l) continue; lines++; if (l.includes('"error":{')) errors++; }
      resolve({ code, ms, cpuMs, lines, errors, secondHalf: secondHalf(data, lines, grew), stderr: err.trim().split('\n').slice(-2).join(' ') });
    });
  });
}

/**
 * Documents per second over the second half of a CLI run's output (`data`, its bytes): from the
 * moment the output file held its first half of lines to the moment it held them all (`grew`: [ms since start, bytes]
 * samples). Process start, loading and the JIT's warm-up fall in the first half; the second half is
 * the rate a long job keeps. Null when the samples cannot tell (a run too short for them).
 */
function secondHalf(data, lines, grew) {
  // (a shorter run is still warming up in its second half: the JIT takes the first ~1,000 documents)
  if (lines < 2000 || grew.length < 10) return null;
  // bytes of the first half of the lines (the output is in input order, one line per record)
  let nl = 0;
  let i = -1;
  while (nl < lines >> 1) { i = data.indexOf(10, i + 1); nl++; }
  const half = i + 1;
  const total = data.length;
  const at = (bytes) => grew.find((g) => g[1] >= bytes)?.[0];
  const tHalf = at(half);
  const tEnd = at(total);
  if (tHalf === undefined || tEnd === undefined || tEnd - tHalf < 100) return null;
  return { docsPerS: (lines - (lines >> 1)) / ((tEnd - tHalf) / 1000), ms: tEnd - tHalf };
}

/**
 * The most 2 workers could give on an idle 2-core machine: the 1-worker run's wall time over the
 * least wall time 2 cores need for the 2-worker run's CPU time (computed from the runs, so that
 * results written by earlier versions of the bench are rendered with it too).
 */
function idleBound(cli) {
  const w1 = cli?.configs?.find((c) => c.name === '--workers 1');
  const w2 = cli?.configs?.find((c) => c.name === '--workers 2');
  return w1?.ok && w2?.ok && w1.ms && w2.cpuMs ? w1.ms / (w2.cpuMs / 2) : undefined;
}

async function sectionCli() {
  log(`[${elapsed()}] CLI throughput …`);
  const help = spawnSync(process.execPath, [join(ROOT, 'bin/aalam.js'), '--help'], { encoding: 'utf8' });
  const helpText = (help.stdout ?? '') + (help.stderr ?? '');
  const workers = /--workers\b/.test(helpText);
  const quiet = /--quiet\b/.test(helpText) ? ['--quiet'] : [];
  const news = buildNewsText(C.cli.bytes * 1.2);
  const arts = prefixByBytes(cutArticles(news.paragraphs, 5120), C.cli.bytes);
  const input = join(OUT, 'cli-input.jsonl');
  writeFileSync(input, arts.map((t, i) => JSON.stringify({ id: `a${i}`, text: t })).join('\n') + '\n');
  const inBytes = arts.reduce((a, s) => a + bytes(s), 0);
  const configs = workers ? [['main thread (--workers 0)', ['--workers', '0']], ['--workers 1', ['--workers', '1']], ['--workers 2', ['--workers', '2']]] : [['no --workers flag', []]];
  const res = { ok: true, workersSupported: workers, docs: arts.length, bytes: inBytes, configs: [] };
  if (!workers) res.note = 'bin/aalam.js --help does not list --workers: worker scaling skipped';
  // the runs of the configurations alternate (this machine's speed drifts over seconds: runs of
  // one configuration after the other's would compare two moments as much as two configurations)
  const runsOf = configs.map(() => []);
  const wanted = configs.map(([, extra]) => (extra[1] === '0' ? C.cli.mainThreadRuns ?? C.cli.runs : C.cli.runs));
  for (let i = 0; i < Math.max(...wanted); i++) {
    for (let c = 0; c < configs.length; c++) {
      const extra = configs[c][1];
      const runs = runsOf[c];
      if (i >= wanted[c] || runs.some((r) => r.code !== 0 || r.lines !== arts.length)) continue;
      const r = await runCli(['annotate', '--format', 'jsonl', ...quiet, ...extra], input);
      r.load1 = os.loadavg()[0];
      runs.push(r);
    }
  }
  for (let c = 0; c < configs.length; c++) {
    const name = configs[c][0];
    const runs = runsOf[c];
    const loadAfter = runs.at(-1)?.load1 ?? os.loadavg()[0];
    const bad = runs.find((r) => r.code !== 0 || r.lines !== arts.length);
    res.configs.push({
      name, runs: runs.length,
      ok: !bad, error: bad ? `exit ${bad.code}, ${bad.lines}/${arts.length} lines, ${bad.errors} error records ${bad.stderr}` : undefined,
      docsPerS: median(runs.map((r) => arts.length / (r.ms / 1000))),
      mbps: median(runs.map((r) => inBytes / MB / (r.ms / 1000))),
      ms: median(runs.map((r) => r.ms)),
      cpuMs: runs.every((r) => r.cpuMs !== null) ? median(runs.map((r) => r.cpuMs)) : null,
      secondHalfDocsPerS: runs.every((r) => r.secondHalf) ? median(runs.map((r) => r.secondHalf.docsPerS)) : null,
      load1: loadAfter,
    });
  }
  const w1 = res.configs.find((c) => c.name === '--workers 1');
  const w2 = res.configs.find((c) => c.name === '--workers 2');
  if (w1 && w2 && w1.ok && w2.ok) {
    res.scaling = w2.docsPerS / w1.docsPerS;
    if (w1.secondHalfDocsPerS && w2.secondHalfDocsPerS) res.secondHalfScaling = w2.secondHalfDocsPerS / w1.secondHalfDocsPerS;
  }
  return res;
}

async function sectionProfile(results) {
  const tasks = [];
  const t = results.targets ?? [];
  const missed = (id) => t.some((x) => x.id.startsWith(id) && x.status === 'missed');
  if (missed('annotate') || missed('vs-map') || ONLY?.has('profile')) tasks.push('annotate');
  if (missed('topics') || ONLY?.has('profile')) tasks.push('annotate-default');
  if (missed('linear') || ONLY?.has('profile')) tasks.push('annotate-doc');
  if (missed('normtok') || ONLY?.has('profile')) tasks.push('normtok');
  if (missed('build-1m') || missed('rss-1m') || ONLY?.has('profile')) tasks.push('build');
  if (missed('tag-1m') || ONLY?.has('profile')) tasks.push('annotate-lexicon');
  const out = [];
  for (const name of tasks) {
    log(`[${elapsed()}] profile: ${name} (node --cpu-prof) …`);
    out.push(await profileTask(name, QUICK));
  }
  return out;
}

// ---------------------------------------------------------------- targets (issue 8)
function targets(R) {
  const T = [];
  const add = (id, what, target, value, ok, note) => T.push({ id, what, target, value, status: ok === null ? 'not measured' : ok === 'inconclusive' ? 'inconclusive' : ok ? 'met' : 'missed', note });
  const a = R.throughput?.annotate;
  add('annotate', 'entity annotation (topics, keyphrases off), shipped lexicons, one core, 5 KB articles', '≥ 50 MB/s', a ? `${fmt(a.aalam.wall)} MB/s (CPU time: ${fmt(a.aalam.cpu)})` : '–', a ? a.aalam.wall >= 50 : null);
  add('vs-map', 'entity annotation vs Map-of-windows baseline, same process', '≥ 6x', a ? `${fmt(a.vsMap.wall)}x (CPU: ${fmt(a.vsMap.cpu)}x)` : '–', a ? a.vsMap.wall >= 6 : null);
  // issue 3 is about the Arabic tagger: every entity rule on, language detection (issue 7) off
  const tg = R.throughput?.modes?.tagging?.annotate;
  add('vs-map-3', 'issue 3: Arabic entity tagging (all entity rules, language detection off) faster than the Map baseline', '> 1x', tg ? `${fmt(tg.vsMap.wall)}x (${fmt(tg.aalam.wall)} vs ${fmt(tg.map.wall)} MB/s)` : '–', tg ? tg.vsMap.wall > 1 : null);
  const n = R.throughput?.normTok;
  add('normtok', 'normalize+tokenize in one pass into typed arrays (`scan()`, the annotator\'s text core) vs charCodeAt scan, same string', '≥ 1/10 (0.10)',
    n?.fracOnePass ? `${fmt(n.fracOnePass.wall, 3)} (1/${fmt(1 / n.fracOnePass.wall, 0)})` : '–', n?.fracOnePass ? n.fracOnePass.wall >= 0.1 : null,
    n ? `the object API normalize() + tokenize() (a string and an object per token): 1/${fmt(1 / n.fracNormTok.wall, 0)}` : undefined);
  const l1m = R.lexicons?.find((x) => x.size === 1000000);
  add('build-1m', '1M-entry lexicon: compileLexicon + createAnnotator', '≤ 3 s', l1m?.ok ? `${fmt(l1m.buildMs / 1000)} s` : '–', l1m?.ok ? l1m.buildMs <= 3000 : null, l1m && !l1m.ok ? l1m.error : QUICK ? 'quick mode: no 1M lexicon' : undefined);
  add('rss-1m', '1M-entry lexicon: peak RSS of the building process', '≤ 1 GB', l1m?.ok ? `${fmt(l1m.peakRssBuild / 2 ** 30, 2)} GiB` : '–', l1m?.ok ? l1m.peakRssBuild <= 2 ** 30 : null);
  add('tag-1m', '1M-entry lexicon: tagging 5 KB articles', '≥ 30 MB/s', l1m?.tag ? `${fmt(l1m.tag.aalam.wall)} MB/s` : '–', l1m?.tag ? l1m.tag.aalam.wall >= 30 : null);
  const c = R.cold;
  add('cold', 'cold start to first annotation (fresh node, shipped lexicons)', '≤ 150 ms', c?.ok ? `${fmt(c.toResult)} ms (bare node: ${fmt(c.bareNode)} ms)` : '–', c?.ok ? c.toResult <= 150 : null);
  add('rss-shipped', 'RSS cost of the shipped lexicons (cold process minus bare node)', '≤ 100 MB', c?.ok ? `${fmt((c.rss - c.bareRss) / 1e6)} MB (process total ${fmt(c.rss / 1e6)} MB)` : '–', c?.ok ? c.rss - c.bareRss <= 100e6 : null);
  for (const mode of ['entities', 'default']) {
    const all = (R.linear ?? []).filter((x) => x.mode === mode);
    const lin = all.filter((x) => x.ok);
    const failed = all.filter((x) => !x.ok && !x.skipped);
    const label = mode === 'entities' ? 'entity annotation' : 'default annotate';
    if (lin.length >= 2 || failed.length) {
      const v = lin.map((x) => x.annotate.cpu);
      const spread = v.length ? Math.max(...v) / Math.min(...v) : Infinity;
      // the verdict: CPU ms per MB of each larger document over that of a 1 MB document interleaved
      // with it in the same process (MB/s of separate processes drift with the machine: shown only)
      const same = lin.filter((x) => x.sameProcess);
      const worst = same.length ? Math.max(...same.map((x) => x.sameProcess.ratio)) : NaN;
      const value = lin.map((x) => `${fmt(x.bytes / MB, 0)} MB: ${fmt(x.annotate.cpu)}`).concat(failed.map((x) => `${x.mb} MB: ${x.error}`)).join(', ')
        + ` MB/s in separate processes (max/min ${fmt(spread)})`
        + (same.length ? `; per-MB cost vs a 1 MB document in the same process: ${same.map((x) => `${fmt(x.bytes / MB, 0)} MB ${fmt(x.sameProcess.ratio)}x`).join(', ')}` : '');
      const skipped = all.find((x) => x.skipped || x.note);
      const ok = failed.length || !same.length ? false : worst <= 1.25;
      add(`linear-${mode}`, `linear, ${label}: one document of growing size (CPU time)`, 'same cost per MB within 1.25x (each larger size against 1 MB calls interleaved in its process)', value, ok, skipped ? skipped.error ?? skipped.note : undefined);
    } else add(`linear-${mode}`, `linear, ${label}`, 'same MB/s within noise', '–', null);
  }
  for (const mode of ['entities', 'default']) {
    const adv = (R.adversarial ?? []).filter((x) => x.mode === mode);
    if (!adv.length) continue;
    const worst = adv.reduce((w, x) => (!x.ok ? { ...x, ratio: Infinity } : !w || x.ratio > w.ratio ? x : w), null);
    add(`adversarial-${mode}`, `adversarial shapes, ${mode === 'entities' ? 'entity annotation' : 'default annotate'}: per-MB cost vs news text`, '≤ 3x', adv.map((x) => `${x.shape}${x.shape === 'line' || x.shape === 'people' ? ` ${x.mb} MB` : ''} ${x.ok ? fmt(x.ratio) + 'x' : x.error}`).join(', '), adv.every((x) => x.ok && x.ratio <= 3), [worst ? `worst: ${worst.shape}` : '', ...adv.filter((x) => x.note).map((x) => x.note)].filter(Boolean).join('; '));
  }
  const cli = R.cli;
  const bound = idleBound(cli);
  add('workers', 'CLI: 2 workers vs 1 worker, documents/s', '≥ 1.7x', cli?.scaling ? `${fmt(cli.scaling)}x` : cli?.note ?? '–', cli?.scaling ? cli.scaling >= 1.7 : null, cli && !cli.scaling ? cli.note ?? 'a worker run failed' : bound ? `load average ${fmt(cli.configs.at(-1).load1, 1)} on 2 cores during the runs; CPU-time bound on an idle machine ~${fmt(bound)}x${cli.secondHalfScaling ? `; over the second half of each run, after start and JIT warm-up, ${fmt(cli.secondHalfScaling)}x` : ''}` : undefined);
  const dm = R.throughput?.modes?.default?.annotate;
  if (a && dm && dm.resultKeys.includes('topics') && dm.vsEntities) {
    // same process, the two call modes alternating pass by pass; the cross-process figure
    // (each mode in its own process, normalized by its own Map baseline run) is given beside it
    const v = dm.vsEntities;
    const cross = a.vsMap.wall / dm.vsMap.wall;
    add('topics', 'default annotate (+ language, topics, keyphrases) vs entity annotation, time per article, same process (whole passes)', '≤ 1.5x',
      `${fmt(v.ratio.wall)}x (CPU: ${fmt(v.ratio.cpu)}x; ${fmt(v.all.wall)} vs ${fmt(v.entities.wall)} MB/s)`, v.ratio.wall <= 1.5,
      `across processes (each mode in its own process, Map-normalized): ${fmt(cross)}x`);
  } else if (a && dm && dm.resultKeys.includes('topics')) {
    // cross-process: normalize each mode by its own Map baseline run
    const factor = a.vsMap.wall / dm.vsMap.wall;
    add('topics', 'default annotate (+ language, topics, keyphrases) vs entity annotation, time per article', '≤ 1.5x', `${fmt(factor)}x (Map-normalized; raw ${fmt(a.aalam.wall / dm.aalam.wall)}x: ${fmt(dm.aalam.wall)} vs ${fmt(a.aalam.wall)} MB/s)`, factor <= 1.5);
  } else add('topics', 'topics and keyphrases on top cost ≤ half again', '≤ 1.5x', dm ? 'this build returns no topics' : '–', null);
  return T;
}

// ---------------------------------------------------------------- report
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

function rows(R) {
  const out = [];
  const row = (section, metric, value, baseline, ratio, note = '') => out.push({ section, metric, value, baseline, ratio, note });
  const n = R.throughput?.normTok;
  if (n) {
    const b = `${fmt(n.bytes / MB, 0)} MB string`;
    row('text core', 'charCodeAt scan (floor)', `${fmt(n.scan.wall)} MB/s`, '', '', b);
    row('text core', 'normalize', `${fmt(n.normalize.wall)} MB/s`, `scan ${fmt(n.scan.wall)}`, `1/${fmt(1 / n.fracNormalize.wall, 0)}`, b);
    row('text core', 'tokenize', `${fmt(n.tokenize.wall)} MB/s`, `scan ${fmt(n.scan.wall)}`, `1/${fmt(1 / n.fracTokenize.wall, 0)}`, `${n.tokens} tokens`);
    if (n.onePass) row('text core', 'scan(): normalize+tokenize in one pass (typed arrays)', `${fmt(n.onePass.wall)} MB/s`, `scan ${fmt(n.scan.wall)}`, `1/${fmt(1 / n.fracOnePass.wall, 0)}`, `CPU-time: ${fmt(n.onePass.cpu)} MB/s, 1/${fmt(1 / n.fracOnePass.cpu, 0)}; the tokens and normalized forms annotate runs on`);
    row('text core', 'normalize() + tokenize() (objects)', `${fmt(n.normTok.wall)} MB/s`, `scan ${fmt(n.scan.wall)}`, `1/${fmt(1 / n.fracNormTok.wall, 0)}`, `CPU-time: ${fmt(n.normTok.cpu)} MB/s, 1/${fmt(1 / n.fracNormTok.cpu, 0)}`);
  }
  const a = R.throughput?.annotate;
  if (a) {
    const b = `${a.articles} × ${fmt(a.meanArticleBytes / 1000, 1)} KB`;
    row('annotate (shipped)', 'entity annotation (topics, keyphrases off)', `${fmt(a.aalam.wall)} MB/s, ${fmt(a.aalamDocs.wall, 0)} docs/s`, `Map ${fmt(a.map.wall)} MB/s`, `${fmt(a.vsMap.wall)}x`, `${b}; CPU-time ${fmt(a.aalam.cpu)} MB/s, ${fmt(a.vsMap.cpu)}x`);
    row('annotate (shipped)', 'first MB in a fresh process (cold JIT)', `${fmt(a.firstMb.wall)} MB/s`, `steady ${fmt(a.aalam.wall)} MB/s`, `${fmt(a.firstMb.wall / a.aalam.wall)}x`, 'before any warm-up; every other row is measured after ~3 MB of warm-up');
    for (const mode of ['default', 'tagging', 'matching']) {
      const m = R.throughput.modes?.[mode];
      if (!m) continue;
      if (!m.ok) { row('annotate (shipped)', mode, m.error, '', ''); continue; }
      const x = m.annotate;
      row('annotate (shipped)', mode === 'default' ? 'annotate(text): + language, topics, keyphrases' : mode === 'tagging' ? 'Arabic tagging (language detection off)' : 'lexicon matching only', `${fmt(x.aalam.wall)} MB/s, ${fmt(x.aalamDocs.wall, 0)} docs/s`, `Map ${fmt(x.map.wall)} MB/s`, `${fmt(x.vsMap.wall)}x`, `${fmt(x.bytes / MB, 0)} MB, own process; ${mode === 'matching' ? 'language, patterns, propagation, composition also off; ' : mode === 'tagging' ? 'all entity rules on, language detection off; ' : ''}p50 ${fmt(x.latency.p50, 2)} ms, p99 ${fmt(x.latency.p99, 1)} ms`);
    }
    row('annotate (shipped)', 'Map-of-windows baseline', `${fmt(a.map.wall)} MB/s, ${fmt(a.mapDocs.wall, 0)} docs/s`, '', '', `${a.mapKeys} keys; found ${a.found.map} spans vs aalam ${a.found.aalam} entities`);
    row('annotate (shipped)', 'latency per 5 KB article (entities)', `p50 ${fmt(a.latency.p50, 2)} ms, p99 ${fmt(a.latency.p99, 1)} ms`, `Map p50 ${fmt(a.latency.mapP50, 2)}, p99 ${fmt(a.latency.mapP99, 1)}`, `${fmt(a.latency.p50 / a.latency.mapP50)}x / ${fmt(a.latency.p99 / a.latency.mapP99)}x slower`, `p90 ${fmt(a.latency.p90, 1)} ms, max ${fmt(a.latency.max, 0)} ms`);
  }
  const ac = R.throughput?.ac;
  if (ac?.ac) row('annotate (shipped)', 'modern-ahocorasick (normalized text)', `${fmt(ac.ac.wall)} MB/s`, `aalam ${fmt(ac.aalam.wall)} MB/s`, `aalam ${fmt(ac.vsAc.wall)}x`, `${fmt(ac.bytes / MB, 1)} MB subset, ${ac.patterns} patterns, build ${fmt(ac.buildMs, 0)} ms, ${ac.found} hits`);
  const rt = R.realtext;
  if (rt?.ok && rt.skipped) row('real text (dev data)', 'ANERcorp training split', 'skipped', '', '', rt.skipped);
  else if (rt?.ok) {
    const mb = rt.bytes / MB;
    const note = `second half of the split: ${rt.articles} articles, ${fmt(mb, 2)} MB; one process, CPU time, median of ${rt.rounds} passes each (alternating)`;
    row('real text (dev data)', 'entity annotation', `${fmt(mb / (rt.entitiesCpu / 1000))} MB/s`, '', '', note);
    row('real text (dev data)', 'annotate(text) vs entity annotation, warm', `${fmt(mb / (rt.defaultCpu / 1000))} MB/s`, `entities ${fmt(mb / (rt.entitiesCpu / 1000))} MB/s`, `${fmt(rt.defaultCpu / rt.entitiesCpu)}x`, 'every word seen before (the bench text\'s own ratio is the topics target above)');
    row('real text (dev data)', 'annotate(text), first pass: new words', `${fmt(mb / (rt.firstCpu / 1000))} MB/s`, `warm ${fmt(mb / (rt.defaultCpu / 1000))} MB/s`, `${fmt(rt.firstCpu / rt.defaultCpu)}x the time`, `${rt.newTokens} of its ${rt.distinctTokens} distinct tokens not in the first half; the first half was read three times in each mode before`);
  } else if (rt) row('real text (dev data)', 'ANERcorp training split', rt.error, '', '');
  for (const l of R.lexicons ?? []) {
    const name = l.size === 'shipped' ? 'shipped' : l.size >= 1e6 ? `${l.size / 1e6}M synth.` : `${l.size / 1e3}k synth.`;
    if (!l.ok) { row(`lexicon ${name}`, 'build', l.error, '', ''); continue; }
    const parts = (l.size === 'shipped' ? `parse ${fmt(l.loadMs, 0)} + create ${fmt(l.createMs, 0)} ms` : `compile ${fmt(l.compileMs, 0)} + create ${fmt(l.createMs, 0)} ms`)
      + (l.builds ? `; median of ${l.builds.length} builds in fresh processes: ${l.builds.map((b) => fmt(b.buildMs / 1000, 2)).join(', ')} s (peak RSS ${l.builds.map((b) => fmt(b.peakRssBuild / 1e6, 0)).join(', ')} MB)` : '');
    row(`lexicon ${name}`, 'build', `${fmt(l.buildMs / 1000, 2)} s`, `${l.size === 'shipped' ? 'Map of its keys' : 'Map (aliasKey)'} ${fmt(l.mapBuildMs / 1000, 2)} s`, `${fmt(l.ratioBuildMap)}x slower`, `${l.stats.entries} entries, ${l.stats.aliases} aliases; ${parts}`);
    const src = l.size === 'shipped' ? 'parsed dist/lexicon.json' : 'source entries';
    // shipped: the parsed artifact is dropped after createAnnotator; synthetic: the source entries are still held at m3
    const retained = l.size === 'shipped' ? l.m3.heapUsed - l.m0.heapUsed : l.m3.heapUsed - l.m1.heapUsed;
    row(`lexicon ${name}`, 'memory', `peak RSS ${fmt(l.peakRssBuild / 1e6, 0)} MB`, `before ${fmt(l.m0.rss / 1e6, 0)} MB`, '', `after build: RSS ${fmt(l.m2.rss / 1e6, 0)} MB, heap ${fmt(l.m2.heapUsed / 1e6, 0)} MB (${src} ${fmt((l.m1.heapUsed - l.m0.heapUsed) / 1e6, 0)} MB; the annotator retains ${fmt(retained / 1e6, 0)} MB of heap + ${fmt(l.m3.arrayBuffers / 1e6, 0)} MB of typed arrays)`);
    if (l.firstMb && l.tag) {
      const warmMs = l.firstMb.bytes / MB / l.tag.aalam.wall * 1000;
      const both = l.builds ? median(l.builds.map((b) => b.buildMs + b.firstMbMs)) : l.buildMs + l.firstMb.ms;
      row(`lexicon ${name}`, 'first 1 MB tagged right after the build', `${fmt(l.firstMb.ms, 0)} ms`, `warm ${fmt(warmMs, 0)} ms`, `${fmt(l.firstMb.ms / warmMs)}x`, `build + this: ${fmt(both / 1000, 2)} s${l.builds ? ` (median of the ${l.builds.length} builds: ${l.builds.map((b) => fmt((b.buildMs + b.firstMbMs) / 1000, 2)).join(', ')} s)` : ''}; the first calls pay for the JIT's warm-up and for any collection the build started and left running`);
    }
    if (l.tag) row(`lexicon ${name}`, 'tagging 5 KB articles', `${fmt(l.tag.aalam.wall)} MB/s, ${fmt(l.tag.aalamDocs.wall, 0)} docs/s`, `Map ${fmt(l.tag.map.wall)} MB/s`, `${fmt(l.tag.vsMap.wall)}x`, `${fmt(l.tag.bytes / MB, 1)} MB; p50 ${fmt(l.tag.p50, 2)} ms, p99 ${fmt(l.tag.p99, 1)} ms; found ${l.tag.found.aalam} (Map ${l.tag.found.map})`);
    if (l.ac?.ac) row(`lexicon ${name}`, 'modern-ahocorasick', `${fmt(l.ac.ac.wall)} MB/s`, `aalam ${fmt(l.ac.aalam.wall)} MB/s`, `aalam ${fmt(l.ac.vsAc.wall)}x`, `build ${fmt(l.ac.buildMs / 1000, 1)} s, ${l.ac.patterns} patterns`);
    else if (l.ac?.error) row(`lexicon ${name}`, 'modern-ahocorasick', l.ac.error, '', '');
  }
  const c = R.cold;
  if (c?.ok) {
    row('cold start', 'fresh node → first annotation', `${fmt(c.toResult, 0)} ms`, `bare node ${fmt(c.bareNode, 0)} ms`, `${fmt(c.ratioBare)}x`, `import ${fmt(c.importMs, 0)} + createAnnotator ${fmt(c.createMs, 0)} + first annotate ${fmt(c.firstMs, 0)} ms`);
    if (c.withExtra) row('cold start', 'with one extra entry (`createAnnotator({ entries })`)', `${fmt(c.withExtra, 0)} ms`, `shipped only ${fmt(c.toResult, 0)} ms`, `${fmt(c.withExtra / c.toResult)}x`, `createAnnotator ${fmt(c.withExtraCreateMs, 0)} ms: the shipped matcher extended with the entry`);
    row('cold start', 'RSS at first annotation', `${fmt(c.rss / 1e6, 0)} MB`, `bare node ${fmt(c.bareRss / 1e6, 0)} MB`, `+${fmt((c.rss - c.bareRss) / 1e6, 0)} MB`, `heap used ${fmt(c.heapUsed / 1e6, 0)} MB`);
  }
  for (const mode of ['entities', 'default']) {
    const lin = (R.linear ?? []).filter((x) => x.mode === mode);
    const lin0 = lin.find((x) => x.ok);
    for (const l of lin) {
      if (!l.ok) { row(`linearity (${mode})`, `one ${l.mb} MB document`, l.skipped ? 'skipped' : l.error, '', '', l.skipped ? l.error : ''); continue; }
      const sp = l.sameProcess;
      row(`linearity (${mode})`, `annotate one ${fmt(l.bytes / MB, 0)} MB document`, `${fmt(l.annotate.wall)} MB/s`,
        sp ? `1 MB calls, same process: ${fmt(sp.baseMsPerMb)} ms/MB` : '', sp ? `${fmt(sp.ratio)}x the cost per MB (CPU)` : '',
        `${sp ? `${fmt(sp.bigMsPerMb)} ms/MB (with the collection of what it left) against the median of ${sp.baseCalls} 1 MB calls before it (their spread ${fmt(sp.baseSpread)}); ` : ''}CPU-time ${fmt(l.annotate.cpu)} MB/s${l.normTok ? `; normalize+tokenize ${fmt(l.normTok.wall)} MB/s` : ''}; ${l.entities} entities; peak RSS ${fmt(l.peakRss / 1e9, 1)} GB${l.note ? '; ' + l.note : ''}`);
    }
  }
  for (const x of R.adversarial ?? []) {
    if (!x.ok) { row(`adversarial (${x.mode})`, `${x.shape} (${x.mb} MB)`, x.error, '', ''); continue; }
    row(`adversarial (${x.mode})`, `${fmt(x.bytes / MB, x.bytes >= 10 * MB ? 0 : 1)} MB ${x.doc}`, `${fmt(x.msPerMb, 0)} ms/MB`, `news ${fmt(x.newsMsPerMb, 0)} ms/MB`, `${fmt(x.ratio)}x`, `normalize+tokenize ${fmt(x.ntRatio)}x; ${x.found} entities${x.note ? '; ' + x.note : ''}`);
  }
  const cli = R.cli;
  if (cli?.ok) {
    const base = cli.configs[0];
    for (const k of cli.configs) row('CLI jsonl', k.name, k.ok ? `${fmt(k.docsPerS, 0)} docs/s, ${fmt(k.mbps)} MB/s` : k.error, k === base ? '' : `${base.name.split(' (')[0]} ${fmt(base.docsPerS, 0)} docs/s`, k === base || !k.ok ? '' : `${fmt(k.docsPerS / base.docsPerS)}x`, `${cli.docs} docs, ${fmt(cli.bytes / MB, 1)} MB, incl. process start${k.cpuMs ? `; process CPU ${fmt(k.cpuMs / 1000, 2)} s for ${fmt(k.ms / 1000, 2)} s wall` : ''}; 1-min load average after: ${fmt(k.load1, 2)}`);
    const bound = idleBound(cli);
    if (cli.scaling) row('CLI jsonl', '2 workers / 1 worker', `${fmt(cli.scaling)}x`, '', '', bound ? `2 idle cores could give at most ~${fmt(bound)}x: the 1-worker run's wall time over half the 2-worker run's CPU time` : '');
    for (const k of cli.configs) if (k.secondHalfDocsPerS) row('CLI jsonl', `${k.name.replace(/ \(.*\)/, '')}, 2nd half`, `${fmt(k.secondHalfDocsPerS, 0)} docs/s`, k === base ? '' : `${base.name.split(' (')[0]} ${fmt(base.secondHalfDocsPerS, 0)} docs/s`, k === base ? '' : `${fmt(k.secondHalfDocsPerS / base.secondHalfDocsPerS)}x`, 'from the moment the output held half of the lines to the last line (output size sampled every 10 ms): after process start and JIT warm-up, the rate a long job keeps');
    if (cli.secondHalfScaling) row('CLI jsonl', '2 workers / 1 worker, 2nd half', `${fmt(cli.secondHalfScaling)}x`, '', '', 'the whole run also pays for each worker compiling the hot code again on the same two cores; in the second half the two workers share the cores with the main thread and V8\'s GC threads (bench/NOTES.md)');
    if (cli.note) row('CLI jsonl', 'workers', cli.note, '', '');
  }
  return out;
}

function table(rs) {
  const w = [24, 44, 36, 28, 14];
  const lines = [];
  lines.push(pad('section', w[0]) + pad('metric', w[1]) + pad('median', w[2]) + pad('baseline (same process)', w[3]) + 'ratio');
  lines.push('-'.repeat(w[0] + w[1] + w[2] + w[3] + w[4]));
  let last = '';
  for (const r of rs) {
    lines.push(pad(r.section === last ? '' : r.section, w[0]) + pad(r.metric, w[1]) + pad(r.value, w[2]) + pad(r.baseline, w[3]) + r.ratio);
    last = r.section;
  }
  return lines.join('\n');
}

function md(R) {
  const m = R.machine;
  const L = [];
  L.push('# aalam benchmark results');
  L.push('');
  L.push(`Generated by \`npm run bench\`${m.mode === 'quick' ? ' --quick' : ''} (bench/run.js) — do not edit by hand; the hand-written analysis is in the last section (from bench/NOTES.md).`);
  L.push('');
  L.push('## Machine');
  L.push('');
  L.push(`| | |\n| --- | --- |`);
  L.push(`| date | ${m.date} |`);
  L.push(`| mode | ${m.mode} (total ${fmt(R.totalSeconds, 0)} s) |`);
  L.push(`| CPU | ${m.cpu} |`);
  L.push(`| cores (nproc) | ${m.nproc} |`);
  L.push(`| memory | ${fmt(m.memGB, 1)} GiB |`);
  L.push(`| Node | ${m.node} |`);
  L.push(`| OS | ${m.platform} |`);
  L.push(`| load average at start / end | ${m.loadStart.map((x) => x.toFixed(2)).join(' ')} / ${R.loadEnd.map((x) => x.toFixed(2)).join(' ')} |`);
  L.push(`| dist/ built | ${m.distBuilt}${R.distChanged ? ` — **${R.distChanged}**` : ''} |`);
  L.push('');
  L.push('The machine is shared (other sessions build and test on the same 2 cores), so every number is a median of several');
  L.push('runs and comes with a baseline measured in the same process, runs interleaved; throughput is also given by CPU');
  L.push('time (user+system of the process), which does not count time spent waiting for a core. MB = 10^6 bytes of UTF-8.');
  L.push('');
  L.push('## Inputs (built by the bench, fixed seeds)');
  L.push('');
  const cp = R.throughput?.corpus;
  if (cp) L.push(`- News text: ${fmt(cp.textBytes / MB, 1)} MB (${cp.chars} UTF-16 units) from \`corpus/src/*.txt\` (markup stripped to the surface text) and \`corpus/sample/*.txt\`: ${cp.uniqueSentences} distinct sentences (${fmt(cp.uniqueBytes / 1000, 0)} KB) regrouped into paragraphs of 1–6 sentences, shuffled with a fixed seed and repeated.`);
  const a = R.throughput?.annotate;
  if (a) L.push(`- Articles: cut from that text at paragraph ends, ~5 KB each (mean ${fmt(a.meanArticleBytes / 1000, 2)} KB); the annotate section uses the first ${fmt(a.bytes / MB, 1)} MB (${a.articles} articles).`);
  L.push('- Synthetic lexicons (`bench/lib/synth.js`): 10k, 100k and 1M entries, names of 1–4 tokens (25/40/25/10 %) built from Arabic syllables; 15 % of the first tokens and 10 % of later tokens of multi-token names are real corpus words (frequency ranks 200–3000) so that trie walks start on real text; 30 % have a spelling variant as alias; `name.en` is also an alias (as `compileLexicon` does). Built with `compileLexicon({ entries })` then `createAnnotator({ lexicon })`; they have no triggers, given names or institutions.');
  L.push('- Baselines (`bench/lib/baselines.js`): a `charCodeAt` loop over the same string; the **Map-of-windows** baseline (normalize once with aalam\'s `normalize`, split into letter/digit tokens, look up every 1–4-token window joined by spaces in a `Map` of alias keys made with aalam\'s `aliasKey`, leftmost-longest, spans mapped back with `span()`); **modern-ahocorasick** 3.3 (leftmost-longest over the normalized text with the normalized alias keys; no clitics, no word boundaries, so it also matches inside words). Both baselines include the `normalize` call.');
  L.push('');
  L.push('## Targets of issue 8');
  L.push('');
  L.push('| target | measured | goal | status |');
  L.push('| --- | --- | --- | --- |');
  for (const t of R.targets) L.push(`| ${t.what} | ${t.value} | ${t.target} | **${t.status}**${t.note ? ` (${t.note})` : ''} |`);
  L.push('');
  L.push('## Numbers');
  L.push('');
  L.push('| section | metric | median | baseline (same process) | ratio | notes |');
  L.push('| --- | --- | --- | --- | --- | --- |');
  let last = '';
  for (const r of R.rows) {
    L.push(`| ${r.section === last ? '' : r.section} | ${r.metric} | ${r.value} | ${r.baseline} | ${r.ratio} | ${r.note} |`);
    last = r.section;
  }
  L.push('');
  L.push('Runs per median: ' + [
    R.throughput?.normTok ? `normalize+tokenize ${R.throughput.normTok.runs}` : '',
    a ? `annotate ${['entities', 'default', 'tagging', 'matching'].map((k) => R.throughput.modes?.[k]?.annotate ? `${R.throughput.modes[k].annotate.runs} (${k})` : '').filter(Boolean).join(', ')}` : '',
    R.throughput?.ac?.runs ? `Aho-Corasick ${R.throughput.ac.runs}` : '',
    R.cold?.runs ? `cold start ${R.cold.runs}` : '',
    (R.lexicons ?? []).filter((x) => x.builds).map((x) => `${x.size / 1e6}M-entry build ${x.builds.length} (fresh processes)`).join(', '),
    [...new Set((R.linear ?? []).filter((x) => x.ok).map((x) => `${x.mb} MB doc ${x.runs}`))].join(', '),
    R.adversarial?.length ? `adversarial ${R.adversarial[0].runs ?? '–'} (long line: 1; people: ${R.adversarial.find((x) => x.shape === 'people')?.runs ?? '–'})` : '',
    R.cli?.configs?.length ? `CLI ${R.cli.configs.map((c) => `${c.runs} (${c.name.replace(/ \(.*\)/, '')})`).join(', ')}` : '',
  ].filter(Boolean).join('; ') + '. Latency percentiles pool every article of every run.');
  L.push('');
  L.push('Notes on the comparisons:');
  L.push('- modern-ahocorasick runs on a subset of the same articles, one call per article: it segments its input into grapheme clusters with `Intl.Segmenter`, which on Node 20 is super-linear on long strings (measured here: 20k UTF-16 units 150 ms, 40k 670 ms, 80k 16 s for segmentation alone), so it cannot be given a whole 10 MB text.');
  L.push('- Each annotate call mode (entities / default / tagging / matching only) has its own row from its own process (one call shape per process, as a service would run). The topics target (default vs entities) is measured in the default-mode process with whole passes over the articles, the two call modes alternating pass by pass (alternating article by article would flatter the default mode: the entity call just before it on the same article leaves its text and lexicon entries in the cache): the entity passes are now made once per annotator, so mixing option objects no longer deoptimizes them (in session 1 it did, which is why the modes were kept apart). No forced `gc()` runs between timed passes (a forced full GC discards optimized code).');
  L.push('- The Map baseline does no clitic stripping, no disambiguation and no annotation objects: it is the floor a user gets with 40 lines of code, and the issue asks aalam to be ≥ 6x faster than it anyway.');
  if (R.profiles?.length) {
    L.push('');
    L.push('## CPU profiles of the missed targets (`node --cpu-prof`, focused scripts in bench/child/focus.js)');
    L.push('');
    L.push('Self time = samples in the function itself; allocations from a V8 sampling heap profile that keeps collected objects (bytes allocated during the task, sampled every 32 KB). Profiles are written to `bench/out/prof/<task>/` (open in Chrome DevTools).');
    for (const p of R.profiles) {
      L.push('');
      L.push(`### ${p.doc}`);
      L.push('');
      if (p.error) { L.push(`failed: ${p.error}`); continue; }
      L.push(`${fmt(p.ms, 0)} ms wall, ${fmt(p.cpuMs, 0)} ms CPU${p.mbps ? `, ${fmt(p.mbps)} MB/s under the profiler` : ''}; GC pauses ${fmt(p.gc.ms, 0)} ms (${fmt(p.gcPct, 1)} % of wall) in ${p.gc.count} collections (${Object.entries(p.gc.byKind).map(([k, v]) => `${k} ${fmt(v, 0)} ms`).join(', ')}).`);
      L.push('');
      L.push('| self % | self ms | function (file:line in dist/) |');
      L.push('| ---: | ---: | --- |');
      for (const r of p.cpu.self) L.push(`| ${fmt(r.pct, 1)} | ${fmt(r.ms, 0)} | \`${r.fn}\` |`);
      const incl = p.cpu.inclusive.filter((r) => /dist\//.test(r.fn)).slice(0, 10);
      if (incl.length) {
        L.push('');
        L.push('Inclusive (function and its callees): ' + incl.map((r) => `\`${r.fn.split(' ')[0]}\` ${fmt(r.pct, 0)} %`).join(', ') + '.');
      }
      for (const h of p.lines ?? []) {
        if (!h.lines.length) continue;
        L.push('');
        L.push(`Hot lines of \`${h.fn}\` (share of its line ticks; approximate for inlined code):`);
        L.push('');
        for (const l of h.lines) L.push(`- ${fmt(l.pct, 1)} % line ${l.line}: \`${l.code.replace(/`/g, "'")}\``);
      }
      if (p.heap) {
        L.push('');
        L.push(`Allocation sites (sampled ${fmt(p.heap.totalBytes / 1e6, 0)} MB allocated during the task${p.inputBytes ? `, ${fmt(p.heap.totalBytes / p.inputBytes, 0)} bytes per input byte` : ''}):`);
        L.push('');
        L.push('| % | MB | function |');
        L.push('| ---: | ---: | --- |');
        for (const r of p.heap.self.slice(0, 8)) L.push(`| ${fmt(r.pct, 1)} | ${fmt(r.bytes / 1e6, 1)} | \`${r.fn}\` |`);
      }
    }
  }
  const notes = join(ROOT, 'bench/NOTES.md');
  if (existsSync(notes)) {
    L.push('');
    L.push(readFileSync(notes, 'utf8').trim());
  }
  L.push('');
  return L.join('\n');
}

// ---------------------------------------------------------------- main
async function main() {
  if (args.includes('--render')) {
    // re-render RESULTS.md from the last saved run (e.g. after editing bench/NOTES.md)
    const file = join(OUT, `results-${QUICK ? 'quick' : 'full'}.json`);
    const R = JSON.parse(readFileSync(file, 'utf8'));
    // (the hot lines are those the run saved: their code was read from dist/ as it was then, and
    // reading it again after a rebuild would put other lines' code beside the ticks)
    R.targets = targets(R);
    writeFileSync(file, JSON.stringify(R, null, 1));
    R.rows = rows(R);
    writeFileSync(join(ROOT, 'bench/RESULTS.md'), md(R));
    console.log(`wrote bench/RESULTS.md from ${file}`);
    return;
  }
  if (!existsSync(join(ROOT, 'dist/index.js')) || !existsSync(join(ROOT, 'dist/lexicon.json'))) {
    log('dist/ is not built: run `npm run build` first');
    process.exit(2);
  }
  mkdirSync(OUT, { recursive: true });
  const R = { machine: machine() };
  log(`aalam bench (${R.machine.mode}) on ${R.machine.cpu}, ${R.machine.nproc} cores, Node ${R.machine.node}; load ${R.machine.loadStart.map((x) => x.toFixed(2)).join(' ')}`);
  if (want('throughput')) R.throughput = await sectionThroughput();
  if (want('lexicons')) R.lexicons = await sectionLexicons();
  if (want('cold')) R.cold = await sectionCold();
  if (want('linear')) R.linear = await sectionLinear();
  if (want('adversarial')) R.adversarial = await sectionAdversarial();
  if (want('cli')) R.cli = await sectionCli();
  if (want('realtext')) R.realtext = await sectionRealText();
  R.targets = targets(R);
  if (C.profile && (want('profile') || !ONLY)) R.profiles = await sectionProfile(R);
  R.loadEnd = os.loadavg();
  try {
    const now = statSync(join(ROOT, 'dist/index.js')).mtime.toISOString();
    if (now !== R.machine.distBuilt) R.distChanged = `dist/ was rebuilt during the run (${R.machine.distBuilt} → ${now}): sections ran on different builds`;
  } catch { /* ignore */ }
  R.totalSeconds = (performance.now() - T0) / 1000;
  R.rows = rows(R);
  writeFileSync(join(OUT, `results-${R.machine.mode}${ONLY ? '-partial' : ''}.json`), JSON.stringify(R, null, 1));

  console.log('\n' + table(R.rows));
  console.log('\nTargets (issue 8):');
  for (const t of R.targets) console.log(`  ${pad(t.status.toUpperCase(), 13)} ${pad(t.what, 62)} ${t.value}  [goal ${t.target}]${t.note ? ' — ' + t.note : ''}`);
  if (R.profiles?.length) {
    console.log('\nTop self time in the profiles:');
    for (const p of R.profiles) {
      if (p.error) { console.log(`  ${p.doc}: ${p.error}`); continue; }
      console.log(`  ${p.doc} (GC ${fmt(p.gcPct, 1)} %):`);
      for (const r of p.cpu.self.slice(0, 6)) console.log(`    ${lpad(fmt(r.pct, 1), 5)} %  ${r.fn}`);
    }
  }
  if (!args.includes('--no-write') && !ONLY) {
    writeFileSync(join(ROOT, 'bench/RESULTS.md'), md(R));
    console.log(`\nwrote bench/RESULTS.md (${fmt(R.totalSeconds, 0)} s)`);
  } else {
    writeFileSync(join(OUT, `RESULTS-${R.machine.mode}.md`), md(R));
    console.log(`\nwrote bench/out/RESULTS-${R.machine.mode}.md (${fmt(R.totalSeconds, 0)} s)`);
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
