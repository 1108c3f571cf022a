import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import type { Claim, InstanceJson } from '../src/claims/claim.js';
import { suiteCatalog } from './suiteCatalog.js';

/**
 * What every claim of the catalog declares beyond the fields defineClaim validates: at least one
 * hypothesis, each a sentence, none twice; a citation naming its place (theorem, equation, section)
 * in words, whose `recalled` mark the README's catalog tables show; and generators (claim and
 * negative control) that draw instances which are data: the same JSON for the same seed, numbers only as integers (README, Your own claims), a model named.
 * The catalog is imported inside the tests, not at the top: a declaration that throws when its
 * module loads (a field defineClaim refuses, a generator built from a malformed range) then fails a
 * test rather than only the collection of this file, which a test runner driven by test results
 * (`npm run mutation`) would not count as a failure.
 * `npm run mutation` narrows it to the claims of the file it mutates (EOSCHECK_CLAIMS).
 */
const only = (process.env.EOSCHECK_CLAIMS ?? '').split(',').filter((id) => id !== '');
const DRAWS = 3;

async function catalog(): Promise<readonly Claim[]> {
  // Narrowed (a mutation run), each test loads the claim modules afresh: a module's top level (a citation's `recalled` mark, a
  // hypothesis list) then runs inside every test that reads it, and a mutant there is run against each of them, not only
  // against the first test that happened to load the module.
  if (only.length > 0) vi.resetModules();
  const claims = await suiteCatalog();
  return only.length === 0 ? claims : claims.filter((c) => only.includes(c.id));
}

const blank = (s: unknown): boolean => typeof s !== 'string' || s.trim() === '';

/** The paths inside `x` where it is not InstanceJson with integer numbers (a float, NaN, undefined, a function, a class instance). */
function notData(x: unknown, at = '$'): string[] {
  if (x === null || typeof x === 'string' || typeof x === 'boolean') return [];
  if (typeof x === 'number') return Number.isSafeInteger(x) ? [] : [`${at} = ${x}`];
  if (Array.isArray(x)) return x.flatMap((v, i) => notData(v, `${at}[${i}]`));
  if (typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype)
    return Object.entries(x as Record<string, unknown>).flatMap(([k, v]) => notData(v, `${at}.${k}`));
  return [`${at} is ${typeof x}`];
}

describe(`claim declarations${only.length > 0 ? ` (${only.join(', ')})` : ''}`, () => {
  test('every claim states its hypotheses and where its source says it', async () => {
    const wrong: string[] = [];
    for (const c of await catalog()) {
      if (c.hypotheses.length === 0) wrong.push(`${c.id}: no hypothesis`);
      for (const h of c.hypotheses) if (blank(h)) wrong.push(`${c.id}: a blank hypothesis`);
      if (new Set(c.hypotheses).size !== c.hypotheses.length) wrong.push(`${c.id}: a hypothesis stated twice`);
      if (blank(c.citation.where)) wrong.push(`${c.id}: the citation names no place`);
      if (blank(c.negativeControl.description)) wrong.push(`${c.id}: the negative control is not described`);
    }
    expect(wrong).toEqual([]);
  });

  test("the README's catalog tables give each claim's source as its citation does ([R] recalled, or checked)", async () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const tables = readme.slice(readme.indexOf('<!-- catalog:start'), readme.indexOf('<!-- catalog:end -->'));
    // Rows | `id` | title | kind | tested on | source | verdict |, cells split at unescaped bars.
    const cell = String.raw`((?:[^|\\]|\\.)*)\|`;
    const row = new RegExp(String.raw`^\| \x60([^\x60]+)\x60 \|${cell.repeat(4)}`, 'gm');
    const source = new Map([...tables.matchAll(row)].map((m) => [m[1], m[5].trim()] as const).filter(([, src]) => src === '[R] recalled' || src === 'checked'));
    const claims = await catalog();
    expect(claims.filter((c) => !source.has(c.id)).map((c) => c.id)).toEqual([]);
    const wrong = claims
      .filter((c) => source.get(c.id) !== (c.citation.recalled === true ? '[R] recalled' : 'checked'))
      .map((c) => `${c.id}: README says "${source.get(c.id)}", the citation ${c.citation.recalled === true ? 'is' : 'is not'} recalled`);
    expect(wrong).toEqual([]);
  });

  test(`every generator draws instances that are data, the same for the same seed (${DRAWS} draws each)`, async () => {
    const wrong: string[] = [];
    for (const c of await catalog()) {
      for (const [which, arb] of [
        ['claim', c.arbitrary],
        ['control', c.negativeControl.arbitrary],
      ] as const) {
        const draws = fc.sample(arb as fc.Arbitrary<InstanceJson>, { seed: 1, numRuns: DRAWS });
        for (const inst of draws) {
          for (const p of notData(inst)) wrong.push(`${c.id} (${which}): ${p}`);
          if (blank((inst as { model?: unknown }).model)) wrong.push(`${c.id} (${which}): an instance names no model`);
        }
        // Drawn again, the first instance is the same (a generator reading a clock or Math.random would differ).
        const again = fc.sample(arb as fc.Arbitrary<InstanceJson>, { seed: 1, numRuns: 1 });
        if (JSON.stringify(again[0]) !== JSON.stringify(draws[0])) wrong.push(`${c.id} (${which}): seed 1 draws different instances twice`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
