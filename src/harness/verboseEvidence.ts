import type { Verdict } from '../claims/claim.js';

/**
 * One line per instance for `check --verbose`: run index, verdict, evidence code and message, then
 * the evidence's named details (for order-of-convergence claims: `fitSlope`, its 95% interval
 * `fitLo`..`fitHi` and the errors per rung `fitRungs`), so a reader sees what was measured and not
 * only the verdict.
 */
export function verboseEvidenceLine(claimId: string, k: number, v: Verdict): string {
  const e = v.evidence;
  const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toPrecision(4));
  const details = Object.entries(e.details ?? {}).map(([key, val]) => `    ${key}: ${typeof val === 'number' ? num(val) : val}`);
  return [`${claimId} run ${k}: ${v.verdict} (${e.code}) ${e.message}`, ...details].join('\n') + '\n';
}
