import test from 'ava';
import { readFileSync } from 'node:fs';
import { createAnnotator } from '../dist/index.js';

// Scores the project's own gold corpus (corpus/*.gold.jsonl, original sentences) with exact spans
// and types, optional mentions neither rewarded nor punished. dev is the development set; test is
// held out (never tuned on). The floors guard against regressions; the numbers are printed.
const aalam = createAnnotator();
const TYPES = ['PER', 'LOC', 'ORG'];

function score(file) {
  const docs = readFileSync(new URL(`../corpus/${file}`, import.meta.url), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const c = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  let link = 0;
  let linked = 0;
  for (const d of docs) {
    const gold = new Map(d.mentions.map((m) => [`${m.start}:${m.end}:${m.type}`, m]));
    const seen = new Set();
    for (const e of aalam.annotate(d.text).entities) {
      if (!TYPES.includes(e.type)) continue;
      const key = `${e.start}:${e.end}:${e.type}`;
      const g = gold.get(key);
      if (g?.optional) { seen.add(key); continue; }
      if (!g) { c[e.type].fp++; continue; }
      seen.add(key);
      c[e.type].tp++;
      linked++;
      if (e.name && e.name.en.toLowerCase() === g.en.toLowerCase()) link++;
    }
    for (const [key, m] of gold) if (!m.optional && !seen.has(key)) c[m.type].fn++;
  }
  const prf = ({ tp, fp, fn }) => {
    const p = tp / (tp + fp || 1);
    const r = tp / (tp + fn || 1);
    return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
  };
  const all = TYPES.reduce((a, t) => ({ tp: a.tp + c[t].tp, fp: a.fp + c[t].fp, fn: a.fn + c[t].fn }), { tp: 0, fp: 0, fn: 0 });
  return { per: Object.fromEntries(TYPES.map((t) => [t, prf(c[t])])), all: prf(all), link: link / (linked || 1), docs: docs.length };
}

const fmt = (x) => x.toFixed(3);
for (const [file, floor] of [['dev.gold.jsonl', 0.85], ['test.gold.jsonl', 0.8]]) {
  test(`corpus ${file}: exact-span F1`, (t) => {
    const s = score(file);
    t.log(`${file}: F1=${fmt(s.all.f)} P=${fmt(s.all.p)} R=${fmt(s.all.r)} exact-link=${fmt(s.link)} docs=${s.docs} | ` +
      TYPES.map((ty) => `${ty} F1=${fmt(s.per[ty].f)}`).join(' '));
    t.true(s.all.f >= floor, `F1 ${fmt(s.all.f)} below ${floor}`);
  });
}
