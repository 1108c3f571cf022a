import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CheckContext, Instance } from './claim.js';
import { isClaim } from './defineClaim.js';
import { loadClaimsFile } from './loadClaimsFile.js';

/**
 * A user claim whose check returns whatever `returned` evaluates to: loadClaimsFile wraps each check so that a value that is
 * not an outcome throws a TypeError naming the claim, the file and what came back.
 */
async function userClaimReturning(returned: string) {
  const dir = mkdtempSync(join(tmpdir(), 'eoscheck-outcome-'));
  const file = join(dir, 'claims.ts');
  writeFileSync(
    file,
    `import fc from 'fast-check';
import { defineClaim } from ${JSON.stringify(pathToFileURL(join(import.meta.dirname, 'defineClaim.ts')).href)};
export const c = defineClaim({
  id: 'user.returns', title: 't', citation: { paper: 'p', where: 'w' }, statement: 's', kind: 'forall', hypotheses: ['h'],
  arbitrary: fc.constant({ model: 'quadratic' }),
  check: () => ${returned},
  negativeControl: { description: 'd', arbitrary: fc.constant({ model: 'quadratic' }) },
  tolerance: {}, rationale: 'r',
});
export const again = [c, c];
`,
  );
  const loaded = await loadClaimsFile(file);
  return { loaded, run: () => loaded[0].claim.check({ model: 'quadratic' } as Instance, {} as CheckContext<unknown>), file };
}

describe('loadClaimsFile: what a user check returns', () => {
  it('an outcome passes through, and the loaded claim is one claim (exported twice), still recognised as a claim', async () => {
    const { loaded, run } = await userClaimReturning("({ verdict: 'holds', evidence: { code: 'ok' } })");
    expect(loaded).toHaveLength(1);
    expect(isClaim(loaded[0].claim)).toBe(true);
    expect(Object.isFrozen(loaded[0].claim)).toBe(true);
    expect(run()).toEqual({ verdict: 'holds', evidence: { code: 'ok' } });
  });
  it.each([
    ['undefined', 'returned undefined;'],
    ['null', 'returned null;'],
    ['42', 'returned number 42;'],
    ["'x'.repeat(60)", `returned string ${'x'.repeat(40)};`],
    ['[1]', 'returned an array;'],
    ['({})', 'returned an object without a verdict;'],
    ["({ verdict: 'maybe', evidence: {} })", 'returned an object with verdict "maybe";'],
    ["({ verdict: 'holds' })", 'returned an object with verdict "holds";'],
    ["({ verdict: 'holds', evidence: null })", 'returned an object with verdict "holds";'],
    ["({ verdict: 'error', evidence: {} })", 'returned an object with verdict "error";'],
  ])('%s is a TypeError naming the claim, the file and what came back', async (returned, what) => {
    const { run, file } = await userClaimReturning(returned);
    expect(run).toThrow(TypeError);
    expect(run).toThrow(
      `claim "user.returns" (${file}): its check ${what} a check must return an outcome { verdict, evidence } with verdict holds, violated, inconclusive, diverged`,
    );
  });
});
