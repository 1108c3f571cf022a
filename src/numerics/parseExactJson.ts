import { UsageError } from '../errors.js';

/** JSON whose numbers are kept as their literal text (mirrors ExactJson in models/model.ts). */
export type ExactJsonValue = string | boolean | null | ExactJsonValue[] | { [key: string]: ExactJsonValue };

/**
 * Parses JSON keeping every number as the exact text written, so `0.1` in a `--data` file is one
 * tenth at `dec:50` rather than the nearest double (JSON.parse cannot give the source text on
 * Node 20). Model data holds only numbers, so JSON string values are rejected: a quoted "0.1"
 * would otherwise be indistinguishable from a number. Errors are UsageErrors naming `option` with
 * the line and column.
 */
export function parseExactJson(text: string, option = '--data'): ExactJsonValue {
  let i = 0;
  const fail = (what: string): never => {
    const before = text.slice(0, i);
    const line = before.split('\n').length;
    const col = i - before.lastIndexOf('\n');
    throw new UsageError(`invalid JSON at line ${line}, column ${col}: ${what}`, option);
  };
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const value = (depth: number): ExactJsonValue => {
    if (depth > 64) fail('nested too deeply');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: { [key: string]: ExactJsonValue } = {};
      ws();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a key in double quotes');
        const key = str();
        if (Object.prototype.hasOwnProperty.call(obj, key)) fail(`duplicate key "${key}"`);
        ws();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        obj[key] = value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const arr: ExactJsonValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail('expected "," or "]"');
      }
    }
    if (c === '"') {
      const at = i;
      const s = str();
      i = at;
      return fail(`strings are not model data ("${s.slice(0, 20)}"); write numbers without quotes`);
    }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m === null) return fail(c === undefined ? 'unexpected end of input' : `unexpected "${c}"`);
    i += m[0].length;
    return m[0];
  };
  const str = (): string => {
    // Only keys reach here; JSON.parse handles escapes exactly.
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      i = start;
      return fail('bad string escape');
    }
  };
  const v = value(0);
  ws();
  if (i < text.length) fail('unexpected text after the JSON value');
  return v;
}
