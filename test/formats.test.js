import test from 'ava';
import {
  readConll, conllText, spansFromTags, charSpansToTokens, tagsFromSpans, renderConllDocument, renderConllText, documentGoldSpans,
} from '../dist/formats/conll.js';
import { renderBratAnn, bratConfig } from '../dist/formats/brat.js';
import { escapeHtml, renderHtmlDocument, renderHtmlPage } from '../dist/formats/html.js';
import { compareSpans, score, Scoreboard } from '../dist/formats/score.js';

// ---- CoNLL -------------------------------------------------------------------------------------

const spanRows = [
  { input: ['B-PERS', 'I-PERS', 'O', 'B-LOC'], expected: [[0, 2, 'PERS'], [3, 4, 'LOC']] },
  { input: ['I-ORG', 'I-ORG', 'O'], expected: [[0, 2, 'ORG']] }, // orphan I- starts a span
  { input: ['B-LOC', 'I-PERS'], expected: [[0, 1, 'LOC'], [1, 2, 'PERS']] }, // I- of another type starts one
  { input: ['B-LOC', 'B-LOC'], expected: [[0, 1, 'LOC'], [1, 2, 'LOC']] },
  { input: ['O', 'I-MISC'], expected: [[1, 2, 'MISC']] },
  { input: ['PER', 'PER', 'O'], expected: [[0, 2, 'PER']] }, // IO scheme: a bare tag is I-
  { input: [], expected: [] },
];
for (const { input, expected } of spanRows) {
  test(`spansFromTags ${JSON.stringify(input)}`, (t) => {
    t.deepEqual(spansFromTags(input).map((s) => [s.start, s.end, s.type]), expected);
  });
}

test('readConll: chunks, BOM, U+200E, blank lines, -DOCSTART-, last column, missing tag', async (t) => {
  const lines = ['\ufeffفرانكفورت B-LOC', '(د\u200e O', '', '', 'ألمانيا\tX\tB-LOC', 'امس', '', '-DOCSTART- O', '', 'بغداد B-LOC', '  '];
  const docs = [];
  for await (const d of readConll(lines, { chunk: 10 })) docs.push(d);
  t.is(docs.length, 2);
  t.is(docs[0].id, 'd00000');
  t.deepEqual(docs[0].sentences, [{ tokens: ['فرانكفورت', '(د'], tags: ['B-LOC', 'O'] }, { tokens: ['ألمانيا', 'امس'], tags: ['B-LOC', 'O'] }]);
  t.false(docs[0].docstart);
  t.is(docs[0].line, 1);
  t.deepEqual(docs[1], { id: 'd00001', sentences: [{ tokens: ['بغداد'], tags: ['B-LOC'] }], docstart: true, line: 10 });
  const small = [];
  for await (const d of readConll(['a O', '', 'b O', '', 'c O'], { chunk: 2 })) small.push(d.sentences.length);
  t.deepEqual(small, [2, 1]);
});

test('conllText joins tokens with spaces and sentences with newlines, UTF-16 offsets', (t) => {
  const doc = { sentences: [{ tokens: ['في', 'ألمانيا'], tags: ['O', 'B-LOC'] }, { tokens: ['𝕏', 'بغداد'], tags: ['O', 'B-LOC'] }] };
  const r = conllText(doc);
  t.is(r.text, 'في ألمانيا\n𝕏 بغداد');
  t.deepEqual(r.starts, [0, 3, 11, 14]);
  t.deepEqual(r.ends, [2, 10, 13, 19]);
  for (let i = 0; i < r.starts.length; i++) t.is(r.text.slice(r.starts[i], r.ends[i]), doc.sentences.flatMap((s) => s.tokens)[i]);
  t.deepEqual(documentGoldSpans(doc).map((s) => [s.start, s.end, s.type]), [[1, 2, 'LOC'], [3, 4, 'LOC']]);
});

test('charSpansToTokens maps a span to every token it touches', (t) => {
  const text = conllText({ sentences: [{ tokens: ['في', 'بألمانيا', 'امس'], tags: ['O', 'O', 'O'] }] });
  // 'في بألمانيا امس': tokens 0-2, 3-11, 12-15
  const rows = [
    [{ start: 4, end: 11, type: 'LOC' }, [1, 2]], // a proclitic outside the span: same token
    [{ start: 0, end: 15, type: 'LOC' }, [0, 3]],
    [{ start: 2, end: 3, type: 'LOC' }, null], // only the space: no token
    [{ start: 10, end: 13, type: 'LOC' }, [1, 3]],
    [{ start: 20, end: 25, type: 'LOC' }, null],
  ];
  for (const [span, expected] of rows) {
    const r = charSpansToTokens([span], text);
    t.deepEqual(r.length ? [r[0].start, r[0].end] : null, expected, JSON.stringify(span));
  }
});

test('tagsFromSpans: IOB2, tagsets, NORP is O, a token is tagged once', (t) => {
  const spans = [{ start: 0, end: 2, type: 'PER' }, { start: 2, end: 3, type: 'NORP' }, { start: 3, end: 4, type: 'ORG' }, { start: 3, end: 5, type: 'LOC' }];
  t.deepEqual(tagsFromSpans(spans, 6), ['B-PER', 'I-PER', 'O', 'B-ORG', 'B-LOC', 'O']);
  t.deepEqual(tagsFromSpans(spans, 6, 'anercorp'), ['B-PERS', 'I-PERS', 'O', 'B-ORG', 'B-LOC', 'O']);
});

test('renderConllDocument keeps the given tokens; keepTags writes TOKEN GOLD PRED', (t) => {
  const doc = { sentences: [{ tokens: ['زار', 'ماكرون'], tags: ['O', 'B-PERS'] }, { tokens: ['بكين'], tags: ['B-LOC'] }], docstart: false };
  // text: 'زار ماكرون\nبكين'
  const ents = [{ start: 4, end: 10, type: 'PER' }, { start: 11, end: 15, type: 'LOC' }];
  t.is(renderConllDocument(doc, ents), 'زار O\nماكرون B-PER\n\nبكين B-LOC\n\n');
  t.is(renderConllDocument(doc, ents, { tagset: 'anercorp', keepTags: true }), 'زار O O\nماكرون B-PERS B-PERS\n\nبكين B-LOC B-LOC\n\n');
  t.is(renderConllDocument({ ...doc, docstart: true }, []), '-DOCSTART- O\n\nزار O\nماكرون O\n\nبكين O\n\n');
});

test('renderConllText tokenizes plain text, one sentence per block', (t) => {
  const text = 'زار ماكرون بكين. ثم عاد';
  const out = renderConllText(text, [{ start: 4, end: 10, type: 'PER' }, { start: 11, end: 15, type: 'LOC' }]);
  t.is(out, '-DOCSTART- O\n\nزار O\nماكرون B-PER\nبكين B-LOC\n. O\n\nثم O\nعاد O\n\n');
});

// ---- brat --------------------------------------------------------------------------------------

test('renderBratAnn: T lines and AnnotatorNotes, offsets in code points', (t) => {
  const text = '😀 وصل وانغ يي إلى بكين.';
  const w = text.indexOf('وانغ');
  const b = text.indexOf('بكين');
  const ents = [
    { start: w, end: w + 7, text: 'وانغ يي', type: 'PER', id: 'per/wang-yi', name: { ar: 'وانغ يي', en: 'Wang Yi' } },
    { start: b, end: b + 4, text: 'بكين', type: 'LOC', id: 'loc/beijing-cn', name: { ar: 'بكين', en: 'Beijing' } },
    { start: 0, end: 2, text: '😀', type: 'NORP', id: null, name: null },
  ];
  const ann = renderBratAnn(text, ents);
  t.is(ann, 'T1\tNORP 0 1\t😀\nT2\tPER 6 13\tوانغ يي\n#1\tAnnotatorNotes T2\tper/wang-yi Wang Yi\nT3\tLOC 18 22\tبكين\n#2\tAnnotatorNotes T3\tloc/beijing-cn Beijing\n');
  // brat reads the .txt as code points: every T line's text is that slice.
  const cps = [...text];
  for (const line of ann.split('\n').filter((l) => l.startsWith('T'))) {
    const [, info, surface] = line.split('\t');
    const [, a, z] = info.split(' ');
    t.is(cps.slice(Number(a), Number(z)).join(''), surface);
  }
});

test('renderBratAnn splits a span that crosses a line break into fragments', (t) => {
  const text = 'مجلس\nالأمن';
  t.is(renderBratAnn(text, [{ start: 0, end: 10, text, type: 'ORG' }]), 'T1\tORG 0 4;5 10\tمجلس الأمن\n');
});

test('bratConfig declares the four types', (t) => {
  const { annotation, visual } = bratConfig();
  t.regex(annotation, /\[entities\]\nPER\nLOC\nORG\nNORP\n/);
  t.regex(visual, /PER\tbgColor:#/);
});

// ---- HTML --------------------------------------------------------------------------------------

test('escapeHtml escapes markup and lone surrogates', (t) => {
  t.is(escapeHtml(`<a href="x">&'</a>`), '&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
  t.is(escapeHtml('a\ud800b😀'), 'a\ufffdb😀');
});

test('renderHtmlDocument: one mark per entity, title with name and id, text escaped, topics', (t) => {
  const text = 'زار <ماكرون> "بكين" & عاد';
  const ents = [
    { start: 5, end: 11, type: 'PER', id: 'per/emmanuel-macron', name: { ar: 'إيمانويل ماكرون', en: 'Emmanuel Macron' }, source: { by: 'lexicon' }, confidence: 0.9 },
    { start: 14, end: 18, type: 'LOC', id: 'loc/beijing-cn', name: { ar: 'بكين', en: 'Beijing' }, source: { by: 'lexicon' } },
    { start: 15, end: 17, type: 'LOC', id: 'x', name: null }, // overlaps: skipped
  ];
  const html = renderHtmlDocument('doc<1>', text, {
    entities: ents,
    topics: [{ code: 'politics', label: { en: 'Politics', ar: 'سياسة' }, score: 0.83 }],
  });
  t.is(html.match(/<mark /g).length, 2);
  t.true(html.includes('<mark class="ent ent-PER" data-type="PER" data-id="per/emmanuel-macron" title="Emmanuel Macron · per/emmanuel-macron · PER · confidence 0.90">ماكرون</mark>'));
  t.true(html.includes('زار &lt;<mark'));
  t.true(html.includes('&quot;<mark class="ent ent-LOC"'));
  t.true(html.includes(' &amp; عاد'));
  t.true(html.includes('<h2 dir="ltr">doc&lt;1&gt;</h2>'));
  t.true(html.includes('<li class="topic" data-code="politics" title="Politics · politics">سياسة<span class="score" dir="ltr">0.83</span></li>'));
  t.false(renderHtmlDocument('a', 'x', { entities: [] }).includes('topics'));
});

test('renderHtmlPage is a standalone right-to-left page', (t) => {
  const page = renderHtmlPage([{ id: 'a', text: 'بغداد', annotation: { entities: [{ start: 0, end: 5, type: 'LOC', id: 'loc/baghdad-iq', name: { en: 'Baghdad' } }] } }]);
  t.regex(page, /^<!DOCTYPE html>\n<html lang="ar" dir="rtl">/);
  t.regex(page, /<meta charset="utf-8">/);
  t.false(/<script|https?:\/\/|<link /.test(page));
  t.regex(page, /1 document, 1 entity/);
});

// ---- scoring -----------------------------------------------------------------------------------

test('compareSpans: exact spans and types; wrong type is FP + FN; optional spans ignored', (t) => {
  const gold = [{ start: 0, end: 2, type: 'PER' }, { start: 3, end: 4, type: 'LOC' }, { start: 5, end: 6, type: 'ORG' }];
  const pred = [{ start: 0, end: 2, type: 'PER' }, { start: 0, end: 2, type: 'PER' }, { start: 3, end: 4, type: 'PER' }, { start: 5, end: 7, type: 'ORG' }, { start: 8, end: 9, type: 'LOC' }];
  const c = compareSpans(gold, pred, [{ start: 8, end: 9, type: 'LOC' }]);
  t.is(c.tp.length, 1);
  t.deepEqual(c.fp.map((s) => [s.start, s.type]), [[3, 'PER'], [5, 'ORG']]);
  t.deepEqual(c.fn.map((s) => [s.start, s.type]), [[3, 'LOC'], [5, 'ORG']]);
  const board = new Scoreboard(['PER', 'LOC', 'ORG']);
  board.add(c);
  const r = board.report();
  t.deepEqual([r.overall.tp, r.overall.fp, r.overall.fn], [1, 2, 2]);
  t.is(r.types.PER.precision, 0.5);
  t.is(r.types.LOC.recall, 0);
  t.deepEqual(score({ tp: 0, fp: 0, fn: 0 }), { tp: 0, fp: 0, fn: 0, precision: 0, recall: 0, f1: 0 });
});
