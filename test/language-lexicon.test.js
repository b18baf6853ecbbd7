// englishEntities and latinNames against the shipped lexicon, through a lookup built the way the
// annotator can build it: aliasKey(surface) → compiled alias → entry index.
import test from 'ava';
import { readFileSync } from 'node:fs';
import { aliasKey, createAnnotator } from '../dist/index.js';
import { englishEntities, latinNames, paragraphs } from '../dist/language/index.js';

const lex = JSON.parse(readFileSync(new URL('../dist/lexicon.json', import.meta.url), 'utf8'));
const byKey = new Map();
for (const [key, entry, flags] of lex.aliases) if (!(flags & 1) && !byKey.has(key)) byKey.set(key, entry);
const lookup = (surface) => byKey.get(aliasKey(surface));
const typeOf = (i) => lex.entries[i].type;
const ids = (text, es) => es.filter((e) => e.entryIndex !== undefined).map((e) => {
  if (text.slice(e.start, e.end) !== e.text) throw new Error(`bad span ${JSON.stringify(e)}`);
  return `${e.text}=${lex.entries[e.entryIndex].id}`;
});

test('English names get the entries of their Arabic counterparts', (t) => {
  const text = 'Justin Trudeau said the CSTO should leave Kazakhstan, Reuters reported, as Xi Jinping called Tokayev.';
  const got = ids(text, englishEntities(text, 0, text.length, lookup, { typeOf }));
  t.deepEqual(got, [
    'Justin Trudeau=per/justin-trudeau',
    'CSTO=org/csto',
    'Kazakhstan=loc/kazakhstan',
    'Reuters=org/reuters',
    'Xi Jinping=per/xi-jinping',
    'Tokayev=per/kassym-jomart-tokayev',
  ]);
  const ar = createAnnotator().annotate('قال جاستن ترودو إن منظمة معاهدة الأمن الجماعي يجب أن تغادر كازاخستان، بحسب رويترز.');
  const arIds = new Set(ar.entities.map((e) => e.id));
  for (const id of ['per/justin-trudeau', 'org/csto', 'loc/kazakhstan', 'org/reuters']) t.true(arIds.has(id), `${id} in ${[...arIds]}`);
});

test('the English sample and the English quote of the mixed sample are linked', (t) => {
  const en = readFileSync(new URL('../corpus/language/en-trudeau-csto.txt', import.meta.url), 'utf8');
  const got = ids(en, englishEntities(en, 0, en.length, lookup, { typeOf }));
  for (const want of ['Justin Trudeau=per/justin-trudeau', 'CSTO=org/csto', 'Collective Security Treaty Organization=org/csto', 'Reuters=org/reuters', 'Agence France-Presse=org/afp', 'AFP=org/afp', 'Xi Jinping=per/xi-jinping']) {
    t.true(got.includes(want), `${want} not in ${got.join(' | ')}`);
  }
  const mixed = readFileSync(new URL('../corpus/language/mixed-trudeau-statement.txt', import.meta.url), 'utf8');
  const names = ids(mixed, latinNames(mixed, 0, mixed.length, lookup, { typeOf }));
  t.true(names.includes('CSTO=org/csto') && names.includes('Reuters=org/reuters'), names.join(' | '));
  const quote = paragraphs(mixed).find((p) => p.language === 'eng');
  t.deepEqual(ids(mixed, englishEntities(mixed, quote.start, quote.end, lookup, { typeOf })), ['Canada=loc/canada', 'Kazakhstan=loc/kazakhstan']);
});
