import { RULES, type NormalizeRuleName } from './rules.js';

/** Per-rule switches; every key defaults to the rule's documented default (all `true`). */
export type NormalizeOptions = Partial<Record<NormalizeRuleName, boolean>>;

/**
 * A compiled rule set: `action[c]` for every UTF-16 code unit c is
 * `KEEP` (-1), `DELETE` (-2), a single replacement code unit (>= 0), or `-3 - i` for `expansions[i]`.
 * @internal
 */
export interface CharTable {
  readonly action: Int32Array;
  readonly expansions: readonly string[];
  /** Bit mask of the enabled rules (the cache key). */
  readonly mask: number;
}

export const KEEP = -1;
export const DELETE = -2;

const tableCache = new Map<number, CharTable>();

/** Bit mask for an options object, rule order as in RULES. */
export function optionsMask(options: NormalizeOptions | undefined): number {
  let mask = 0;
  RULES.forEach((rule, i) => {
    const on = options?.[rule.name] ?? rule.default;
    if (on) mask |= 1 << i;
  });
  return mask;
}

function ruleTarget(c: number, from: number, repl: string | null): string {
  if (repl === null) return String.fromCharCode(c).normalize('NFKC');
  if (repl.startsWith('#')) return String.fromCharCode(parseInt(repl.slice(1), 16) + (c - from));
  return repl;
}

/**
 * Compiles the enabled rules into a 64K-entry table. Built on first use for each option mask and
 * then shared (tables are immutable); nothing is built at import.
 * @internal
 */
export function compileTable(mask: number): CharTable {
  const cached = tableCache.get(mask);
  if (cached) return cached;
  const rules = RULES.filter((_, i) => mask & (1 << i));
  // Single-character rules (all but presentation forms) as a map from char to string.
  const single = new Map<number, string>();
  let presentation: typeof rules[number] | undefined;
  for (const rule of rules) {
    if (rule.name === 'presentationForms') {
      presentation = rule;
      continue;
    }
    for (const [ch, to] of Object.entries(rule.map ?? {})) single.set(ch.charCodeAt(0), to);
    for (const [from, to, repl] of rule.ranges ?? []) {
      for (let c = from; c <= to; c++) single.set(c, ruleTarget(c, from, repl));
    }
  }
  const applySingle = (s: string): string => {
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const r = single.get(s.charCodeAt(i));
      out += r === undefined ? s[i] : r;
    }
    return out;
  };
  const action = new Int32Array(0x10000).fill(KEEP);
  const expansions: string[] = [];
  const set = (c: number, out: string): void => {
    if (out.length === 1 && out.charCodeAt(0) === c) return;
    if (out.length === 0) action[c] = DELETE;
    else if (out.length === 1) action[c] = out.charCodeAt(0);
    else {
      action[c] = -3 - expansions.length;
      expansions.push(out);
    }
  };
  for (const [c, out] of single) set(c, out);
  if (presentation) {
    for (const [from, to, repl] of presentation.ranges ?? []) {
      for (let c = from; c <= to; c++) {
        let out = ruleTarget(c, from, repl);
        if (out.length === 1 && out.charCodeAt(0) === c) continue; // unassigned code point
        // Isolated/medial harakat forms decompose to space + mark: the space is not text.
        out = out.replace(/ /g, '');
        set(c, applySingle(out));
      }
    }
  }
  const table: CharTable = Object.freeze({ action, expansions: Object.freeze(expansions), mask });
  tableCache.set(mask, table);
  return table;
}
