/**
 * Stable error codes. Codes never change meaning; new ones are only added.
 */
export type AalamErrorCode =
  | 'E_INPUT_TYPE'
  | 'E_OPTION'
  | 'E_LEXICON_SCHEMA'
  | 'E_LEXICON_LOAD'
  | 'E_JSON'
  | 'E_RECORD';

/**
 * The one error class aalam throws on bad input: a stable `code`, a clear message and the bad value.
 *
 * @example
 * ```ts
 * try { createAnnotator({ entries: [{ id: 'x' } as any] }) }
 * catch (e) { if (e instanceof AalamError) console.log(e.code) } // 'E_LEXICON_SCHEMA'
 * ```
 */
export class AalamError extends Error {
  readonly code: AalamErrorCode;
  readonly value: unknown;
  constructor(code: AalamErrorCode, message: string, value?: unknown) {
    super(`${code}: ${message}`);
    this.name = 'AalamError';
    this.code = code;
    this.value = value;
  }
}

/** Throws `E_INPUT_TYPE` unless `text` is a string. */
export function assertText(text: unknown, fn: string): asserts text is string {
  if (typeof text !== 'string') {
    throw new AalamError('E_INPUT_TYPE', `${fn}() expects a string, got ${text === null ? 'null' : typeof text}`, text);
  }
}
