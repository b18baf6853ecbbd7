/**
 * A standalone HTML page: each document right-to-left with every entity highlighted by type,
 * its canonical English name and lexicon id on hover (`title`), a colour legend, and the
 * document's topics when the annotation has them. No script, no network: one file to open.
 *
 * The page is written in three parts (`htmlHead`, one `renderHtmlDocument` per document,
 * `htmlTail`) so that a large corpus can be streamed into it.
 */

/** What the HTML view needs of an entity. */
export interface HtmlEntity {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly id?: string | null;
  readonly name?: { readonly ar?: string; readonly en: string } | null;
  readonly source?: { readonly by: string };
  readonly confidence?: number;
}

/** A topic of a document, as the annotator may report it. */
export interface HtmlTopic {
  readonly code: string;
  readonly label: { readonly en: string; readonly ar: string };
  readonly score: number;
}

/** What the HTML view needs of an annotation result. */
export interface HtmlAnnotation {
  readonly entities: readonly HtmlEntity[];
  readonly topics?: readonly HtmlTopic[];
}

/** The entity types, their legend labels and colours (also used by the brat config). */
export const TYPE_STYLE: Readonly<Record<string, { readonly label: string; readonly ar: string; readonly bg: string; readonly line: string }>> = {
  PER: { label: 'person', ar: 'شخص', bg: '#ffd8bf', line: '#d9480f' },
  LOC: { label: 'place', ar: 'مكان', bg: '#c3f0cf', line: '#2b8a3e' },
  ORG: { label: 'organization', ar: 'منظمة', bg: '#cfe2ff', line: '#1c5dc9' },
  NORP: { label: 'nationality (demonym)', ar: 'نسبة', bg: '#ecdcfa', line: '#7b3fb3' },
};

const ESC: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for an HTML text node or a quoted attribute value. Lone surrogates, which would
 * not survive UTF-8 encoding, become U+FFFD.
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]!).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Keeps only characters safe in a CSS class name. */
const cssType = (type: string): string => type.replace(/[^A-Za-z0-9_-]/g, '_');

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f4f1; color: #1d1d1f; font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Scheherazade New", "DejaVu Sans", "Arial", sans-serif; }
header.page { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid #ddd; padding: .6rem 1.2rem; display: flex; flex-wrap: wrap; gap: .4rem 1.5rem; align-items: center; }
header.page h1 { font-size: 1.1rem; margin: 0; }
ul.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .3rem 1rem; margin: 0; padding: 0; font-size: .95rem; }
.swatch { display: inline-block; padding: 0 .4em; border-radius: 4px; border-bottom: 3px solid; margin-inline-end: .3em; font-weight: 600; }
main { max-width: 62rem; margin: 0 auto; padding: 1rem; }
article.doc { background: #fff; border: 1px solid #e2e2de; border-radius: 8px; padding: .8rem 1.4rem 1.2rem; margin: 0 0 1rem; }
article.doc h2 { font: 600 .85rem/1.4 ui-monospace, "DejaVu Sans Mono", monospace; color: #555; margin: 0 0 .4rem; text-align: left; }
ul.topics { list-style: none; display: flex; flex-wrap: wrap; gap: .3rem; margin: 0 0 .6rem; padding: 0; }
ul.topics li { background: #f1f3f5; border: 1px solid #dee2e6; border-radius: 999px; padding: 0 .7em; font-size: .9rem; }
ul.topics .score { color: #666; font-size: .8em; margin: 0 .4em; }
.text { white-space: pre-wrap; font-size: 1.3rem; line-height: 2.1; }
mark.ent { color: inherit; border-radius: 4px; padding: 0 .12em; border-bottom: 3px solid; cursor: help; }
mark.ent.guess { border-bottom-style: dashed; }
p.summary { font-size: .9rem; color: #555; margin: .6rem 0 0; }
footer.page { text-align: center; color: #777; font-size: .85rem; padding: 0 0 2rem; }
${Object.entries(TYPE_STYLE).map(([t, s]) => `.ent-${t}, .swatch-${t} { background: ${s.bg}; border-bottom-color: ${s.line}; }`).join('\n')}
`;

/** Options of `htmlHead`. */
export interface HtmlHeadOptions {
  /** The page title. `[title='aalam annotations']` */
  readonly title?: string;
}

/** The start of the page: doctype, `<html lang="ar" dir="rtl">`, styles, the legend. */
export function htmlHead(options: HtmlHeadOptions = {}): string {
  const title = escapeHtml(options.title ?? 'aalam annotations');
  const legend = Object.entries(TYPE_STYLE)
    .map(([t, s]) => `<li><span class="swatch swatch-${t}">${t}</span>${escapeHtml(s.ar)} · <span dir="ltr">${escapeHtml(s.label)}</span></li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="aalam">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="page"><h1 dir="auto">${title}</h1><ul class="legend" aria-label="legend">${legend}</ul></header>
<main>
`;
}

/** The `title` shown on hover: English name, id, type and how the mention was found. */
function hoverText(e: HtmlEntity): string {
  const parts = [e.name?.en ?? '(no lexicon entry)', e.id ?? '', e.type];
  if (e.source && e.source.by !== 'lexicon') parts.push(`found by ${e.source.by}`);
  if (typeof e.confidence === 'number') parts.push(`confidence ${e.confidence.toFixed(2)}`);
  return parts.filter(Boolean).join(' · ');
}

/**
 * One document as an `<article>`: its id, topics (when present), and the text with a
 * `<mark class="ent ent-TYPE" title="English name · id · TYPE">` around each entity.
 * Entities must be sorted and non-overlapping (as `annotate` returns them); one that overlaps an
 * earlier one, or falls outside the text, is skipped.
 *
 * @example
 * ```ts
 * renderHtmlDocument('a', 'زار ماكرون', { entities: [{ start: 4, end: 10, type: 'PER', id: 'per/emmanuel-macron', name: { en: 'Emmanuel Macron' } }] })
 * // '<article class="doc" …><div class="text" dir="rtl">زار <mark class="ent ent-PER" title="Emmanuel Macron · per/emmanuel-macron · PER" …>ماكرون</mark></div></article>'
 * ```
 */
export function renderHtmlDocument(id: unknown, text: string, annotation: HtmlAnnotation, index = 0): string {
  let body = '';
  let pos = 0;
  let shown = 0;
  for (const e of annotation.entities) {
    if (e.start < pos || e.end > text.length || e.end <= e.start) continue;
    const guess = e.source && e.source.by === 'pattern' ? ' guess' : '';
    body += escapeHtml(text.slice(pos, e.start));
    body += `<mark class="ent ent-${cssType(e.type)}${guess}" data-type="${escapeHtml(e.type)}"${e.id ? ` data-id="${escapeHtml(e.id)}"` : ''} title="${escapeHtml(hoverText(e))}">${escapeHtml(text.slice(e.start, e.end))}</mark>`;
    pos = e.end;
    shown++;
  }
  body += escapeHtml(text.slice(pos));
  let topics = '';
  if (Array.isArray(annotation.topics) && annotation.topics.length) {
    topics = '<ul class="topics" aria-label="topics">' + annotation.topics.map((t) => {
      const score = typeof t.score === 'number' ? `<span class="score" dir="ltr">${t.score.toFixed(2)}</span>` : '';
      const ar = t.label?.ar ?? '';
      const en = t.label?.en ?? '';
      return `<li class="topic" data-code="${escapeHtml(String(t.code))}" title="${escapeHtml([en, t.code].filter(Boolean).join(' · '))}">${escapeHtml(ar || en)}${score}</li>`;
    }).join('') + '</ul>';
  }
  const counts: Record<string, number> = {};
  for (const e of annotation.entities) counts[e.type] = (counts[e.type] ?? 0) + 1;
  const summary = Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ');
  const label = id === null || id === undefined ? `#${index + 1}` : String(id);
  return `<article class="doc" id="doc-${index + 1}" data-entities="${shown}">
<h2 dir="ltr">${escapeHtml(label)}</h2>
${topics}<div class="text" dir="rtl">${body}</div>
<p class="summary" dir="ltr">${shown} entities${summary ? ` (${escapeHtml(summary)})` : ''}</p>
</article>
`;
}

/** The end of the page, with a count of documents and entities. */
export function htmlTail(documents: number, entities: number): string {
  return `</main>
<footer class="page" dir="ltr">${documents} document${documents === 1 ? '' : 's'}, ${entities} entit${entities === 1 ? 'y' : 'ies'} · made by aalam</footer>
</body>
</html>
`;
}

/**
 * A whole page for a few documents.
 *
 * @example
 * ```ts
 * writeFileSync('out.html', renderHtmlPage([{ id: 'a', text, annotation: aalam.annotate(text) }]))
 * ```
 */
export function renderHtmlPage(docs: readonly { id: unknown; text: string; annotation: HtmlAnnotation }[], options: HtmlHeadOptions = {}): string {
  let n = 0;
  return htmlHead(options) + docs.map((d, i) => { n += d.annotation.entities.length; return renderHtmlDocument(d.id, d.text, d.annotation, i); }).join('') + htmlTail(docs.length, n);
}
