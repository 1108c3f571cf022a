/**
 * `tsx scripts/claimOutcomes.ts OUT.json [runs] [claim-prefix,...]`: evaluates every built-in claim on
 * its first `runs` generated instances (seed 1) and on as many of its negative control's, and
 * writes each verdict with its full evidence (messages, observed values, margins). Two dumps
 * compared with scripts/compareResults.ts show whether a change of the code under the claims
 * changed any number a check computes, not only the verdict counts of `check --json`.
 */
import { writeFileSync } from 'node:fs';
import { BUILTIN_CLAIMS } from '../src/claims/registry.js';
import { evaluate } from '../src/harness/evaluate.js';
import { generateInstance } from '../src/harness/generateInstance.js';

const [out, runsText, prefix] = process.argv.slice(2);
if (out === undefined) {
  console.error('usage: tsx scripts/claimOutcomes.ts OUT.json [runs] [claim-prefix,...]');
  process.exit(2);
}
const runs = Number(runsText ?? 30);
const claims = [];
for (const claim of BUILTIN_CLAIMS) {
  if (prefix !== undefined && !prefix.split(',').some((p) => claim.id.startsWith(p))) continue;
  const rows = [];
  for (const mode of ['claim', 'control'] as const) {
    const arb = mode === 'claim' ? claim.arbitrary : claim.negativeControl.arbitrary;
    for (let k = 0; k < runs; k++) {
      const { value } = generateInstance(arb, 1, claim.id, k, mode === 'claim' ? undefined : 'control');
      const r = evaluate(claim, value.value, { mode, onInvalid: 'inconclusive' });
      rows.push({ mode, k, evaluations: r.evaluations, verdict: r.verdict });
    }
  }
  claims.push({ id: claim.id, rows });
}
writeFileSync(out, `${JSON.stringify({ runs, claims }, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 1)}\n`);
console.log(`${claims.length} claims, ${runs} instances and ${runs} controls each → ${out}`);
