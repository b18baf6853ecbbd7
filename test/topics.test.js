import test from 'ava';
import fc from 'fast-check';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createAnnotator, AalamError, tokenize } from '../dist/index.js';
import { WordTable, WORD, W_KP } from '../dist/topics/words.js';
import { createTopicModel, lightStem } from '../dist/topics/index.js';

const annotator = createAnnotator();
const model = createTopicModel();
const load = (name) =>
  readFileSync(new URL(`../corpus/topics/${name}.jsonl`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
const dev = load('dev');
const heldOut = load('test');

/** Micro precision/recall of the topic set (score ≥ the default 0.5) against the gold codes. */
function score(docs) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const d of docs) {
    const pred = new Set(model.topics(d.text, annotator.annotate(d.text).entities).map((t) => t.code));
    const gold = new Set(d.labels);
    for (const c of pred) gold.has(c) ? tp++ : fp++;
    for (const c of gold) if (!pred.has(c)) fn++;
  }
  const p = tp / (tp + fp);
  const r = tp / (tp + fn);
  return { p, r, f1: (2 * p * r) / (p + r), tp, fp, fn };
}

const fmt = (name, n, s) =>
  `${name} (${n} docs): micro P=${s.p.toFixed(3)} R=${s.r.toFixed(3)} F1=${s.f1.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;

test('dev set: precision and recall of the classifier', (t) => {
  const s = score(dev);
  const line = fmt('topics dev', dev.length, s);
  t.log(line);
  console.log(line);
  t.true(dev.length >= 80);
  t.true(s.p >= 0.8, `precision ${s.p}`);
  t.true(s.r >= 0.8, `recall ${s.r}`);
});

test('held-out test set: precision and recall (never tuned on)', (t) => {
  const s = score(heldOut);
  const line = fmt('topics held-out test', heldOut.length, s);
  t.log(line);
  console.log(line);
  t.true(s.p >= 0.75, `precision ${s.p}`);
  t.true(s.r >= 0.75, `recall ${s.r}`);
});

test('dev set covers at least 12 top-level categories', (t) => {
  const top = new Set(dev.flatMap((d) => d.labels).filter((c) => /0{6}$/.test(c)));
  t.true(top.size >= 12, `${top.size}`);
});

test('a football report is sport, not crime: الدوري (the league) is not دورية (a patrol), الحكم (the referee) not a verdict', (t) => {
  const text = 'فاز ريال مدريد على برشلونة في الدوري الإسباني بهدفين مقابل هدف، وأطلق الحكم صافرة النهاية وسط احتفالات الجماهير. ' +
    'وعزز الفريق صدارته للدوري بفارق أربع نقاط، فيما احتج لاعبو برشلونة على قرار الحكم بإلغاء هدف في الشوط الثاني.';
  const codes = annotator.annotate(text).topics.map((x) => x.label.en);
  t.is(codes[0], 'sport');
  t.false(codes.some((c) => /crime|law|judiciary/.test(c)), JSON.stringify(codes));
  // a patrol of the police still counts for law enforcement
  const police = 'سيرت الشرطة دوريات أمنية في أحياء المدينة بعد موجة سرقات، وألقت القبض على ثلاثة مشتبه بهم.';
  t.true(annotator.annotate(police).topics.some((x) => x.label.en === 'law enforcement'));
});

test('keyphrases: a clitic is stripped from a word the background does not know when the stripped word is a known one (وتهريب → تهريب, وحماية → حماية)', (t) => {
  const text = 'أدانت المحكمة المتهمين بالقتل وتهريب المخدرات عبر الحدود، وقالت إن تهريب المخدرات جريمة خطيرة. ' +
    'ودعت الحكومة إلى حماية البيئة البحرية وحماية الشعاب المرجانية من التلوث.';
  const texts = annotator.annotate(text).keyphrases.map((k) => k.text);
  t.false(texts.includes('وتهريب'), JSON.stringify(texts));
  t.false(texts.includes('وحماية'), JSON.stringify(texts));
  const smuggling = annotator.annotate(text).keyphrases.find((k) => k.text === 'تهريب المخدرات');
  t.truthy(smuggling, JSON.stringify(texts));
  // both occurrences, the one after و without it
  t.deepEqual(smuggling.occurrences.map((o) => text.slice(o.start, o.end)), ['تهريب المخدرات', 'تهريب المخدرات']);
  // a bare word that is a known word keeps its و (وزير is not و + زير)
  t.true(annotator.annotate('قال وزير الخارجية إن وزير الدفاع سيزور المنطقة').keyphrases.some((k) => k.text.startsWith('وزير')));
});

test('keyphrases: words in Latin letters are not candidates (English names still come in as entities)', (t) => {
  const text = 'ارتفعت أسعار النفط في الأسواق العالمية بعد قرار أوبك خفض الإنتاج، وقالت البنوك المركزية إن التضخم سيتراجع.\n\n' +
    'The International Monetary Fund said on Tuesday that the global economy would grow by three percent this year, and the Fund said that the outlook depends on oil prices.';
  const kps = annotator.annotate(text).keyphrases;
  t.false(kps.some((k) => /[a-z]/i.test(k.text) && !k.entityId), JSON.stringify(kps.map((k) => k.text)));
  t.true(kps.some((k) => k.entityId === 'org/imf'), JSON.stringify(kps.map((k) => k.entityId)));
});

test('topics: a line printed again (a photo caption) counts once, as for keyphrases', (t) => {
  const caption = 'متظاهرون يرفعون لافتات احتجاجا على ارتفاع الأسعار في العاصمة';
  const body = 'أعلن البنك المركزي رفع سعر الفائدة لكبح التضخم الذي بلغ أعلى مستوى له منذ عقد، وقال محافظ البنك إن الاقتصاد سيتعافى.';
  const text = [caption, body, caption, caption, caption].join('\n');
  const firstEnd = caption.length;
  const topics = annotator.annotate(text).topics;
  const evidence = topics.flatMap((x) => x.evidence);
  t.true(evidence.length > 0);
  // evidence from the caption comes from its first copy only
  t.false(evidence.some((e) => e.start > firstEnd + body.length), JSON.stringify(evidence.map((e) => [e.text, e.start])));
  // and the caption's protest weighs as one line: the economy leads
  t.is(topics[0].label.en, annotator.annotate([caption, body].join('\n')).topics[0].label.en);
});

test('taxonomy: the 17 top-level IPTC topics, medtop codes, parents that exist', (t) => {
  const codes = new Set(model.taxonomy.map((e) => e.code));
  const top = model.taxonomy.filter((e) => e.level === 1);
  t.is(top.length, 17);
  for (let i = 1; i <= 17; i++) t.true(codes.has(`medtop:${String(i).padStart(2, '0')}000000`));
  for (const e of model.taxonomy) {
    t.regex(e.code, /^medtop:\d{8}$/);
    t.truthy(e.en && e.ar);
    if (e.parent) t.true(codes.has(e.parent), e.code);
  }
  // gold labels only use codes of the taxonomy
  for (const d of [...dev, ...heldOut]) for (const c of d.labels) t.true(codes.has(c), `${d.id}: ${c}`);
});

test('evidence offsets slice to their text; parents are reported with their children', (t) => {
  for (const d of dev.slice(0, 60)) {
    const topics = model.topics(d.text, annotator.annotate(d.text).entities, { minScore: 0 });
    const codes = new Set(topics.map((x) => x.code));
    for (const tp of topics) {
      t.true(tp.score >= 0 && tp.score <= 1);
      if (tp.parent) t.true(codes.has(tp.parent), `${d.id}: ${tp.code} without ${tp.parent}`);
      t.true(tp.evidence.length > 0);
      for (const ev of tp.evidence) {
        t.is(d.text.slice(ev.start, ev.end), ev.text, `${d.id} ${tp.code}`);
      }
    }
  }
});

test('terms match through clitics: والاحتجاجات, للمتظاهرين, بالانتخابات', (t) => {
  const text = 'وتواصلت والاحتجاجات في المدينة، وانضم للمتظاهرين آلاف. ويستعد الحزب بالانتخابات المقبلة.';
  const topics = model.topics(text, [], { minScore: 0, relative: 0 });
  const ev = topics.flatMap((x) => x.evidence);
  const texts = new Set(ev.map((e) => e.text));
  t.true(texts.has('الاحتجاجات'), [...texts].join('،'));
  t.true(texts.has('لمتظاهرين'), [...texts].join('،')); // ل of لل is the preposition, outside the span
  t.true(texts.has('الانتخابات'), [...texts].join('،'));
  t.true(topics.some((x) => x.code === 'medtop:20000066'));
  t.true(topics.some((x) => x.code === 'medtop:20000574'));
});

test('entity signals: a ministry of defence and an armed group', (t) => {
  const text = 'قال متحدث إن الجيش صد هجوما شنه مسلحون.';
  const entities = [
    { start: 0, end: 3, text: 'قال', type: 'ORG', id: 'org/x/ministry-of-defence', kind: 'government-body', name: { ar: 'وزارة الدفاع', en: 'Ministry of Defence of X' } },
    { start: 33, end: 39, text: 'مسلحون', type: 'ORG', id: 'org/isis', kind: 'armed-group', name: { ar: 'داعش', en: 'Islamic State' } },
  ];
  const topics = model.topics(text, entities, { minScore: 0, relative: 0 });
  const defence = topics.find((x) => x.code === 'medtop:20000598');
  t.truthy(defence);
  t.true(defence.evidence.some((e) => e.entityId === 'org/x/ministry-of-defence'));
  const terror = topics.find((x) => x.code === 'medtop:20000053');
  t.truthy(terror);
  t.true(terror.evidence.some((e) => e.entityId === 'org/isis'));
});

test('keyphrases: الاحتجاجات / احتجاجات / والاحتجاجات are one group', (t) => {
  const text =
    'تواصلت الاحتجاجات في العاصمة لليوم الثالث. وقال شهود إن احتجاجات أخرى اندلعت في الجنوب. ' +
    'وامتدت رقعة الغضب والاحتجاجات إلى مدن الشمال.';
  const kps = model.keyphrases(text, []);
  const groups = kps.filter((k) => k.stem.split(' ').includes(lightStem('احتجاجات')) && !k.stem.includes(' '));
  t.is(groups.length, 1);
  const g = groups[0];
  t.is(g.stem, 'احتجاج');
  t.is(g.occurrences.length, 3);
  t.deepEqual(
    g.occurrences.map((o) => o.text),
    ['الاحتجاجات', 'احتجاجات', 'الاحتجاجات'],
  );
  for (const o of g.occurrences) t.is(text.slice(o.start, o.end), o.text);
  t.is(kps[0].text, 'الاحتجاجات');
});

test('keyphrases: entities carry their id and canonical name; offsets slice; no stopword phrases', (t) => {
  for (const d of dev.slice(0, 40)) {
    const { entities } = annotator.annotate(d.text);
    const kps = model.keyphrases(d.text, entities, { limit: 15 });
    t.true(kps.length <= 15);
    for (let i = 1; i < kps.length; i++) t.true(kps[i - 1].score >= kps[i].score);
    for (const k of kps) {
      t.true(k.stem.split(' ').length <= 3 || k.stem.startsWith('@'));
      for (const o of k.occurrences) t.is(d.text.slice(o.start, o.end), o.text);
      if (k.entityId) {
        const e = entities.find((x) => x.id === k.entityId);
        t.truthy(e);
        t.is(k.text, e.name.ar);
      }
      t.false(['قال', 'الذي', 'التي', 'اليوم'].includes(k.text));
    }
  }
});

test('analyze() returns the same as topics() and keyphrases()', (t) => {
  const d = dev[0];
  const { entities } = annotator.annotate(d.text);
  const both = model.analyze(d.text, entities);
  t.deepEqual(both.topics, model.topics(d.text, entities));
  t.deepEqual(both.keyphrases, model.keyphrases(d.text, entities));
});

test('the model is frozen; bad input is a typed error, not a crash', (t) => {
  t.true(Object.isFrozen(model));
  const err = t.throws(() => model.topics(42), { instanceOf: AalamError });
  t.is(err.code, 'E_INPUT_TYPE');
  t.is(t.throws(() => model.keyphrases(null), { instanceOf: AalamError }).code, 'E_INPUT_TYPE');
  t.is(t.throws(() => model.topics('نص', 'not entities'), { instanceOf: AalamError }).code, 'E_INPUT_TYPE');
  t.is(t.throws(() => model.topics('نص', [], { minScore: Number.NaN }), { instanceOf: AalamError }).code, 'E_OPTION');
  t.is(t.throws(() => createTopicModel({ minScore: 2 }), { instanceOf: AalamError }).code, 'E_OPTION');
  t.deepEqual(model.topics(''), []);
  t.deepEqual(model.keyphrases(''), []);
});

test('property: no string makes topics() or keyphrases() throw; offsets always slice', (t) => {
  const arabicish = fc.string({
    unit: fc.constantFrom(...'والاحتجاجاتبالانتخاباتللحزب ،.؟«»()\n0123٤٥ـًّ\u200c\u200fABCxyz-ة\ud800'.split('')),
    maxLength: 200,
  });
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), arabicish), (s) => {
      const { entities } = annotator.annotate(s);
      for (const tp of model.topics(s, entities, { minScore: 0, relative: 0 })) {
        for (const ev of tp.evidence) if (s.slice(ev.start, ev.end) !== ev.text) return false;
      }
      for (const k of model.keyphrases(s, entities)) {
        for (const o of k.occurrences) if (s.slice(o.start, o.end) !== o.text) return false;
      }
      return true;
    }),
    { numRuns: 300 },
  );
  t.pass();
});

test('entities with odd offsets are ignored, not trusted', (t) => {
  const text = 'احتجاجات في المدينة';
  const bogus = [{ start: 50, end: 10, text: 'x', type: 'ORG', id: 'org/x', kind: 'armed-group' }, null, { start: -1, end: 3 }];
  t.notThrows(() => model.topics(text, bogus));
  t.notThrows(() => model.keyphrases(text, bogus));
});

test('bad topic-model arguments are typed errors; an entity without number offsets or a string text is ignored', (t) => {
  const code = (f) => t.throws(f, { instanceOf: AalamError }).code;
  t.is(code(() => lightStem(undefined)), 'E_INPUT_TYPE');
  t.is(code(() => lightStem(42)), 'E_INPUT_TYPE');
  t.is(code(() => createTopicModel({ model: {} })), 'E_LEXICON_SCHEMA');
  t.is(code(() => createTopicModel({ terms: 'x' })), 'E_OPTION');
  t.is(code(() => createTopicModel('x')), 'E_OPTION');
  const text = 'خرج آلاف المتظاهرين في ألماتي احتجاجا على ارتفاع أسعار الوقود';
  const { entities } = annotator.annotate(text);
  t.deepEqual(createTopicModel(null).keyphrases(text, entities), model.keyphrases(text, entities));
  const odd = [{ start: 23, end: 29 }, { start: 'a', end: 'b', text: 'x' }, { start: 23, end: 29, text: 7 }];
  t.deepEqual(model.keyphrases(text, odd), model.keyphrases(text, []));
  t.deepEqual(model.topics(text, odd), model.topics(text, []));
});

test('limits: a fractional topic limit, maxEvidence or keyphrase limit cuts like slice()', (t) => {
  const d = dev[1];
  const { entities } = annotator.annotate(d.text);
  const all = model.topics(d.text, entities, { minScore: 0, relative: 0 });
  t.true(all.length >= 3);
  t.deepEqual(model.topics(d.text, entities, { minScore: 0, relative: 0, limit: 2.5 }), all.slice(0, 2));
  const oneEach = model.topics(d.text, entities, { minScore: 0, relative: 0, maxEvidence: 1.5 });
  t.deepEqual(oneEach, all.map((x) => ({ ...x, evidence: x.evidence.slice(0, 1) })));
  t.deepEqual(model.keyphrases(d.text, entities, { limit: 2.5 }), model.keyphrases(d.text, entities, { limit: 2 }));
  t.is(model.keyphrases(d.text, entities, { limit: 2.5 }).length, 2);
});

test('word table: every word token finds the analysis of its own normalized form, through growth and restarts', (t) => {
  // the analyzer records each word's normalized key; a tiny limit makes the table start over often
  const keys = [];
  let restarts = 0;
  const table = new WordTable(
    {
      termStem: () => -1,
      startsTerm: () => false,
      keyphrase: (readings) => [keys.push(readings[0].key) - 1, 0],
    },
    300,
    () => {
      restarts++;
      keys.length = 0;
    },
  );
  const texts = [...dev, ...heldOut].map((d) => d.text);
  texts.push('وَالاحْتِجَاجَاتُ والاحتجاجات الاحتجاجات U.S. us US ١٢٣ test TEST تست\ud800 \u200cعلى\u200d');
  for (let round = 0; round < 2; round++) {
    for (const text of texts) {
      const doc = table.tokens(text);
      const tokens = tokenize(text).tokens;
      t.is(doc.raw.count, tokens.length);
      for (let i = 0; i < tokens.length; i++) {
        const word = tokens[i].kind === 'arabic' || tokens[i].kind === 'latin';
        if (!word) t.is(doc.wid[i], -1);
        else if (keys[doc.fields[WORD * doc.wid[i] + W_KP]] !== tokens[i].norm) return t.fail(`${tokens[i].text}: ${keys[doc.fields[WORD * doc.wid[i] + W_KP]]} != ${tokens[i].norm}`);
      }
    }
  }
  t.true(restarts > 0);
});

test('keyphrases: term frequency counts occurrences; a word named like an Object property is no candidate', (t) => {
  // the second line repeats the first (tf counts it once); the caller's entity covers the first
  // word, so that word occurs only in the repeated line: tf 0, no keyphrase (never a NaN score).
  // Made-up words, so that none has a background frequency.
  const line = 'خزعبلات طرطبيل جحنفل قرطعوس شمردل';
  const text = `${line}\n${line}`;
  const ents = [{ start: 0, end: 7, text: 'خزعبلات', type: 'ORG', id: 'org/x', name: { en: 'X', ar: 'س' } }];
  const keys = model.keyphrases(text, ents, { limit: 20 });
  t.false(keys.some((k) => k.text === 'خزعبلات'));
  for (const k of keys) t.true(Number.isFinite(k.score));
  const one = keys.find((k) => k.text === 'طرطبيل');
  t.truthy(one, JSON.stringify(keys.map((k) => k.text)));
  t.is(one.occurrences.length, 2);
  // tf 1 (the repeat does not count): the same score as the other words seen once
  t.is(one.score, keys.find((k) => k.text === 'شمردل').score);
  // words in Latin letters are no candidates at all ("constructor" once gave a NaN score)
  t.deepEqual(model.keyphrases('constructor constructor toString', [], { limit: 5 }), []);
});


test('keyphrases: a caption printed again counts once; other lines of its length count in full', (t) => {
  const caption = 'صورة أرشيفية لمحطة القطارات في ألماتي';
  // same length as the caption, different text: not a repeat
  const other = 'صورة أرشيفية لمحطة الحافلات في ألماتي';
  t.is(other.length, caption.length);
  const body = 'أعلنت البلدية تجديد المحطة خلال العام المقبل.';
  const once = model.keyphrases(`${caption}\n${other}\n${body}`, [], { limit: 50 });
  // the caption again, once verbatim and once with surrounding spaces (trimmed lines compare)
  const thrice = model.keyphrases(`${caption}\n${other}\n${caption}\n${body}\n  ${caption}\t`, [], { limit: 50 });
  const find = (keys, stem) => keys.find((k) => k.stem === stem);
  const trainsOnce = once.find((k) => k.text === 'القطارات');
  t.truthy(trainsOnce);
  const trains = find(thrice, trainsOnce.stem);
  t.is(trains.occurrences.length, 3);
  t.is(trains.score, trainsOnce.score);
  const busesOnce = once.find((k) => k.text === 'الحافلات');
  t.is(find(thrice, busesOnce.stem).score, busesOnce.score);
  // many distinct lines of one length, then one of them again: only that one is a repeat
  const records = Array.from({ length: 3000 }, (_, i) => (`سجل رقم ${i.toString(36)} في القائمة ` + 'ا'.repeat(40)).slice(0, 40));
  const listOf = (lines) => model.keyphrases(lines.join('\n'), [], { limit: 5 }).find((k) => k.text === 'القائمة');
  const plain = listOf([...records, 'القائمة']);
  const again = listOf([...records, records[1234], 'القائمة']);
  t.is(plain.occurrences.length, 3001);
  t.is(again.occurrences.length, 3002);
  t.is(again.score, plain.score);
  // and a record line that is not a repeat counts
  t.true(listOf([...records, records[1234] + 'ب', 'القائمة']).score > plain.score);
});
test('keyphrases: entity ids and texts named like Object properties group like any other key', (t) => {
  const text = 'alpha beta gamma delta epsilon zeta';
  const at = (word, id) => {
    const start = text.indexOf(word);
    return { start, end: start + word.length, text: word, type: 'ORG', id, name: null };
  };
  const ents = [at('alpha', '__proto__'), at('beta', 'constructor'), at('gamma', '__proto__'), at('delta', '0'), at('epsilon', null), at('zeta', 'hasOwnProperty')];
  const keys = model.keyphrases(text, ents, { limit: 20 });
  const by = Object.fromEntries(keys.map((k) => [k.stem, k.occurrences.map((o) => o.text)]));
  t.deepEqual(by, { '@__proto__': ['alpha', 'gamma'], '@constructor': ['beta'], '@0': ['delta'], '@epsilon': ['epsilon'], '@hasOwnProperty': ['zeta'] });
});

// The seed articles (outside the repository) must come out under the expected topics.
const SEEDS = '/work/shared/seeds';
const EXPECT = [
  { starts: 'الصين مستعدة', all: ['medtop:16000000', 'medtop:20000065', 'medtop:20000639', 'medtop:20000598'] },
  { starts: 'رئيس الوزراء الكندي', all: ['medtop:11000000', 'medtop:20000593'] },
  { starts: 'قوات روسية', all: ['medtop:16000000', 'medtop:20000065', 'medtop:20000598'] },
  { starts: 'اليوم الثاني لرئيسي', all: ['medtop:20000639'] },
];
test('seed articles: unrest/conflict with diplomacy/defence, government, diplomacy', (t) => {
  if (!existsSync(SEEDS)) return t.pass('seeds not available');
  const articles = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(`${SEEDS}/${f}`, 'utf8').split(/\n\s*\n\s*\n+/));
  for (const exp of EXPECT) {
    const a = articles.find((x) => x.trim().startsWith(exp.starts));
    if (!a) continue;
    const topics = model.topics(a, annotator.annotate(a).entities);
    const codes = topics.map((x) => x.code);
    t.log(exp.starts, '→', topics.map((x) => `${x.label.en} ${x.score}`).join(', '));
    for (const c of exp.all) t.true(codes.includes(c), `${exp.starts}: ${c} missing from ${codes.join(' ')}`);
  }
});

test('extra terms passed to createTopicModel are matched; bad ones are E_LEXICON_SCHEMA', (t) => {
  const m = createTopicModel({ terms: [{ topic: 'medtop:15000000', weight: 5, terms: ['الشطرنج'] }] });
  const topics = m.topics('فاز اللاعب ببطولة الشطرنج', [], { minScore: 0, relative: 0 });
  const sport = topics.find((x) => x.code === 'medtop:15000000');
  t.truthy(sport);
  t.true(sport.evidence.some((e) => e.term === 'الشطرنج'));
  const err = t.throws(() => createTopicModel({ terms: [{ topic: 'medtop:99999999', weight: 1, terms: ['x'] }] }), { instanceOf: AalamError });
  t.is(err.code, 'E_LEXICON_SCHEMA');
});

test('the stopword keys precomputed by the build are the ones computed from stopwords-iso and our list', async (t) => {
  const { stopwordSet, computeStopwordSet } = await import('../dist/topics/stopwords.js');
  t.deepEqual([...stopwordSet()].sort(), [...computeStopwordSet()].sort());
  t.true(stopwordSet().has('قال'));
});

test('custom background frequencies: ranked by their idf; a malformed table is E_LEXICON_SCHEMA, never NaN scores', (t) => {
  const shipped = JSON.parse(readFileSync(new URL('../lexicons/topics/model.json', import.meta.url), 'utf8'));
  const text = 'ارتفعت أسعار الوقود في ألماتي، وقال التجار إن أسعار الوقود والخبز سترتفع مجددا، وإن الخبز نفد من الأسواق.';
  // the same counts, and then the bread stems made very common: الخبز drops below الوقود
  const rare = createTopicModel({ model: shipped, df: { N: 1000, df: { 1: 'خبز وقود اسعار' } } }).keyphrases(text, []);
  const common = createTopicModel({ model: shipped, df: { N: 1000, df: { 1: 'وقود اسعار', 900: 'خبز' } } }).keyphrases(text, []);
  const rank = (ks, stem) => ks.findIndex((k) => k.stem === stem);
  t.true(rank(rare, 'خبز') >= 0 && rank(common, 'خبز') >= 0, JSON.stringify(rare.map((k) => k.stem)));
  t.true(rank(common, 'خبز') > rank(rare, 'خبز'));
  for (const k of [...rare, ...common]) t.true(Number.isFinite(k.score));
  for (const df of [{ N: 0, df: {} }, { N: Number.NaN, df: {} }, { N: 10, df: { '-5': 'خبز' } }, { N: 10, df: { abc: 'خبز' } }, { N: 10 }, { N: 10, df: {}, entities: { x: 'loc/china' } }]) {
    const err = t.throws(() => createTopicModel({ model: shipped, df }), { instanceOf: AalamError }, JSON.stringify(df));
    t.is(err.code, 'E_LEXICON_SCHEMA');
  }
});

test('a word\'s readings are the clitic grammar\'s readings with their light stems (words of clitic letters, and real ones), and the grammar\'s readings are the ones it licenses', async (t) => {
  const { wordReadings, lightStem: stem } = await import('../dist/topics/stem.js');
  const { procliticReadings } = await import('../dist/tokenize/clitics.js');
  const expected = (w) => procliticReadings(w).map((p) => ({ key: p.key, stem: stem(p.key), stripped: p.stripped, article: p.article }));
  const real = ['وللحزب', 'فسيعود', 'بالصين', 'للصين', 'لل', 'ولل', 'وكازاخستان', 'والاحتجاجات', 'بكين', 'ف', 'وس', 'ال', 'ولبنان', 'فبال', 'سيعود', 'كالبحر'];
  for (const w of real) t.deepEqual(wordReadings(w, 0), expected(w), w);
  // words built from the letters the grammar reads (و ف ب ل ك س ا), and others
  const letter = fc.constantFrom('و', 'ف', 'ب', 'ل', 'ك', 'س', 'ا', 'ل', 'ه', 'ن', 'م', 'ي');
  fc.assert(fc.property(fc.array(letter, { maxLength: 8 }), (ls) => {
    const w = ls.join('');
    t.deepEqual(wordReadings(w, 0), expected(w), w);
    return true;
  }), { numRuns: 3000 });
  t.deepEqual(wordReadings('Bank', 1), [{ key: 'Bank', stem: 'Bank', stripped: 0, article: false }]);
  // the grammar's readings, written out: conjunction, preposition, ل + ال read in لل, future
  const list = (w) => procliticReadings(w).map((r) => [r.key, r.stripped, r.roles.join('+'), r.article]);
  t.deepEqual(list('وللحزب'), [['وللحزب', 0, '', false], ['للحزب', 1, 'conjunction', false], ['لحزب', 2, 'conjunction+preposition', false], ['الحزب', 2, 'conjunction+preposition+article', true]]);
  t.deepEqual(list('فسيعود'), [['فسيعود', 0, '', false], ['سيعود', 1, 'conjunction', false], ['يعود', 2, 'conjunction+future', false]]);
  t.deepEqual(list('بالصين'), [['بالصين', 0, '', false], ['الصين', 1, 'preposition', true]]);
  t.deepEqual(list('ولبنان'), [['ولبنان', 0, '', false], ['لبنان', 1, 'conjunction', false], ['بنان', 2, 'conjunction+preposition', false]]);
  t.deepEqual(list('سيعود'), [['سيعود', 0, '', false]]); // the future particle only after a conjunction
  t.deepEqual(list('بل'), [['بل', 0, '', false]]); // no stem of two letters left
});
