import { UsageError } from '../errors.js';

/**
 * The parsed value: JSON whose numbers are kept as their literal text. It is the same type as
 * `ExactJson` in models/model.ts, spelled out here because numerics sits below models in the
 * layering and must not import from it.
 */
export type ExactJsonValue = string | boolean | null | ExactJsonValue[] | { [key: string]: ExactJsonValue };

/** Nesting limit: deeper input is certainly not model data, and recursion must not overflow the stack. */
const MAX_DEPTH = 256;

// Sticky patterns, matched at the current position without copying the rest of the text.
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/**
 * Parses JSON (RFC 8259) keeping every number as the exact text written, so `0.1` in a `--data`
 * file is one tenth at `dec:50` rather than the nearest double (JSON.parse cannot give the
 * source text on Node 20).
 *
 * Model data holds only numbers, so JSON string VALUES are rejected: a quoted "0.1" would
 * otherwise be indistinguishable from the number 0.1 in the result. Keys are ordinary strings;
 * a duplicate key is rejected (JSON leaves its meaning open), and `__proto__` is stored as an
 * ordinary own property. A leading byte-order mark is ignored.
 *
 * Every error is a UsageError naming `option` with the line, column and offset, e.g.
 * `--data: invalid JSON at line 3, column 7 (offset 41): expected "," or "]"`.
 */
export function parseExactJson(text: string, option = 'data'): ExactJsonValue {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (what: string, at = i): never => {
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const col = at - before.lastIndexOf('\n');
    throw new UsageError(`invalid JSON at line ${line}, column ${col} (offset ${at}): ${what}`, option);
  };
  const describe = (): string => (i >= text.length ? 'end of input' : `"${text[i]}"`);
  const ws = () => {
    for (;;) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else return;
    }
  };
  const expect = (c: string, what: string) => {
    if (text[i] !== c) fail(`expected ${what}, found ${describe()}`);
    i++;
  };
  const string = (): string => {
    STRING.lastIndex = i;
    const m = STRING.exec(text);
    if (m === null) {
      // Find out what is wrong, for the message: unterminated, control character or bad escape.
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text.charCodeAt(j) >= 0x20) j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) return fail('unterminated string');
      return fail(text[j] === '"' ? 'bad escape in string' : 'control character in string', j);
    }
    i += m[0].length;
    // The pattern admits only valid JSON strings, so JSON.parse decodes the escapes exactly.
    return JSON.parse(m[0]) as string;
  };

  /**
   * The elements of the object or array whose opening bracket is at i, up to its `close`: none, or
   * `element` (which reads one) then, after each, a comma for another or the closing bracket.
   */
  const elements = (close: '}' | ']', element: () => void): void => {
    i++;
    ws();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      element();
      ws();
      if (text[i] !== ',') break;
      i++;
    }
    expect(close, `"," or "${close}"`);
  };

  const value = (depth: number): ExactJsonValue => {
    if (depth > MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH} levels`);
    ws();
    const c = text[i];
    if (c === '{') {
      const obj: { [key: string]: ExactJsonValue } = {};
      elements('}', () => {
        ws();
        if (text[i] !== '"') fail(`expected a key in double quotes, found ${describe()}`);
        const at = i;
        const key = string();
        if (Object.prototype.hasOwnProperty.call(obj, key)) fail(`duplicate key "${key}"`, at);
        ws();
        expect(':', '":"');
        // defineProperty, not assignment: a key "__proto__" must not replace the prototype.
        Object.defineProperty(obj, key, { value: value(depth + 1), enumerable: true, writable: true, configurable: true });
      });
      return obj;
    }
    if (c === '[') {
      const arr: ExactJsonValue[] = [];
      elements(']', () => arr.push(value(depth + 1)));
      return arr;
    }
    if (c === '"') {
      const at = i;
      const s = string();
      return fail(`strings are not model data (${JSON.stringify(s.length > 20 ? `${s.slice(0, 20)}…` : s)}); write numbers without quotes`, at);
    }
    for (const [word, v] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m === null) return fail(c === undefined ? 'unexpected end of input' : `unexpected ${describe()}`);
    i += m[0].length;
    // "01", "1.", "1e" and "-" are not JSON numbers; the pattern stops early, so say why here.
    if (/[0-9.eE+-]/.test(text[i] ?? '')) fail(`malformed number "${m[0]}${text[i]}"`, i - m[0].length);
    return m[0];
  };

  const v = value(0);
  ws();
  if (i < text.length) fail(`unexpected ${describe()} after the JSON value`);
  return v;
}
