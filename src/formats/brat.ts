/**
 * brat standoff (`X.ann` beside `X.txt`), loadable in the brat annotation tool.
 *
 * brat's server reads `X.txt` as a Python `str` and indexes it, so its offsets count Unicode code
 * points, not UTF-16 code units: a character outside the BMP (𝕏, an emoji) is one position in
 * brat and two in JavaScript. aalam's offsets are UTF-16, so they are converted here.
 */

import { TYPE_STYLE } from './html.js';

/** What `renderBratAnn` needs of an entity. */
export interface BratEntity {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: string;
  readonly id?: string | null;
  readonly name?: { readonly en: string } | null;
}

/** Maps UTF-16 offsets of `text` to code-point offsets, for offsets visited in increasing order. */
function codePointCounter(text: string): (utf16: number) => number {
  let u = 0;
  let cp = 0;
  return (target: number): number => {
    if (target < u) { u = 0; cp = 0; }
    while (u < target) {
      const c = text.charCodeAt(u);
      // A high surrogate followed by a low one is one code point; a lone surrogate counts as one.
      if (c >= 0xd800 && c <= 0xdbff && u + 1 < text.length) {
        const d = text.charCodeAt(u + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          if (u + 1 === target) { u++; break; } // a target inside a pair: the pair's position
          u += 2;
          cp++;
          continue;
        }
      }
      u++;
      cp++;
    }
    return cp;
  };
}

/** Annotation text in a T line cannot hold a tab or a line break. */
const oneLine = (s: string): string => s.replace(/[\t\r\n\u2028\u2029\x85]+/g, ' ');

/**
 * The `.ann` content for one document: a `T` line per entity (`T1\tPER 12 20\tتوكاييف`, offsets
 * in code points; a span that crosses a line break is written as fragments `0 5;6 10`) and an
 * `AnnotatorNotes` line with the lexicon id and English name (`#1\tAnnotatorNotes T1\tper/… Name`).
 *
 * @example
 * ```ts
 * renderBratAnn('وصل وانغ يي إلى بكين.', entities)
 * // 'T1\tPER 4 11\tوانغ يي\n#1\tAnnotatorNotes T1\tper/wang-yi Wang Yi\nT2\tLOC 16 20\tبكين\n#2\tAnnotatorNotes T2\tloc/beijing-cn Beijing\n'
 * ```
 */
export function renderBratAnn(text: string, entities: readonly BratEntity[]): string {
  const toCp = codePointCounter(text);
  const sorted = [...entities].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let t = 0;
  let note = 0;
  for (const e of sorted) {
    // Fragments: the span split at line breaks, each trimmed of surrounding whitespace.
    const frags: Array<[number, number]> = [];
    const re = /[^\r\n\u2028\u2029\x85]+/g;
    const slice = text.slice(e.start, e.end);
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      let a = e.start + m.index;
      let b = a + m[0].length;
      while (a < b && /\s/.test(text[a]!)) a++;
      while (b > a && /\s/.test(text[b - 1]!)) b--;
      if (b > a) frags.push([a, b]);
    }
    if (!frags.length) continue;
    t++;
    const offs = frags.map(([a, b]) => `${toCp(a)} ${toCp(b)}`).join(';');
    out += `T${t}\t${e.type} ${offs}\t${oneLine(frags.map(([a, b]) => text.slice(a, b)).join(' '))}\n`;
    const en = e.name?.en;
    if (e.id || en) out += `#${++note}\tAnnotatorNotes T${t}\t${oneLine([e.id, en].filter(Boolean).join(' '))}\n`;
  }
  return out;
}

/**
 * brat configuration for aalam's types: `annotation.conf` (the entity types) and `visual.conf`
 * (their colours, the ones of the HTML view), written once into an output folder.
 */
export function bratConfig(): { readonly annotation: string; readonly visual: string } {
  return {
    annotation: '# aalam entity types\n[entities]\nPER\nLOC\nORG\nNORP\n\n[relations]\n\n[events]\n\n[attributes]\n',
    visual:
      '# aalam colours\n[labels]\nPER | Person\nLOC | Place\nORG | Organization\nNORP | Nationality | NORP\n\n' +
      '[drawing]\n' + Object.entries(TYPE_STYLE).map(([t, st]) => `${t}\tbgColor:${st.bg}, borderColor:${st.line}\n`).join(''),
  };
}
