import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every depth and no spaces: the same instance always gives the
 * same text, hence the same fixture name. Only instance-like values pass: strings, booleans, null,
 * integers (real numbers must be decimal text, so they mean the same at every precision), arrays
 * and plain objects; anything else throws a TypeError naming the path.
 */
export function canonicalJson(x: unknown, path = '$'): string {
  if (x === null || typeof x === 'boolean' || typeof x === 'string') return JSON.stringify(x);
  if (typeof x === 'number') {
    if (!Number.isSafeInteger(x)) {
      throw new TypeError(`${path} is the number ${x}: instances hold integers only, real numbers as decimal text (e.g. "${x}")`);
    }
    return JSON.stringify(x);
  }
  if (Array.isArray(x)) return `[${x.map((v, i) => canonicalJson(v, `${path}[${i}]`)).join(',')}]`;
  if (typeof x === 'object' && (Object.getPrototypeOf(x) === Object.prototype || Object.getPrototypeOf(x) === null)) {
    const o = x as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k], `${path}.${k}`)}`).join(',')}}`;
  }
  throw new TypeError(`${path} is ${typeof x === 'object' ? 'a non-plain object' : typeof x}: instances must be plain JSON`);
}

/** First 12 hex digits of the SHA-256 of the canonical JSON (README, Verdicts and counterexamples). */
export function instanceHash(instance: unknown): string {
  return createHash('sha256').update(canonicalJson(instance)).digest('hex').slice(0, 12);
}
