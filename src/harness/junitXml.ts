import { exercisedOf, type CheckReport, type ClaimRow } from './report.js';
import type { ClaimResult } from './runClaim.js';
import { formatFailure } from './formatFailure.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * JUnit XML for CI dashboards: one testcase per claim; violated → <failure> with the fast-check
 * style report; a check that threw → <error> with its stack; not exercised by any instance, a
 * shard's `partial` share or a claim cut by a signal → <skipped> saying why.
 */
export function junitXml(report: CheckReport, results: readonly ClaimResult[]): string {
  const failures = report.claims.filter((r) => r.verdict === 'violated').length;
  const skip = (r: ClaimRow): string | undefined =>
    r.verdict === 'violated' || r.verdict === 'error'
      ? undefined
      : r.verdict === 'partial'
        ? `shard ${report.shard}: decided when the shards are merged (${r.instances.holds} of ${exercisedOf(r.instances)} exercised instances held here)`
        : r.verdict === 'interrupted'
          ? `interrupted after ${exercisedOf(r.instances)} exercised instance(s)`
          : exercisedOf(r.instances) === 0
            ? `no instance exercised the claim (${r.instances.inconclusive} inconclusive, ${r.instances.diverged} diverged)`
            : undefined;
  const skipped = report.claims.filter((r) => skip(r) !== undefined).length;
  const errors = report.claims.filter((r) => r.verdict === 'error').length;
  const time = (ms: number) => (ms / 1000).toFixed(3);
  const total = report.claims.reduce((s, r) => s + r.ms, 0);
  const name = `eoscheck check (seed ${report.seed}, ${report.runs} runs, shard ${report.shard})`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="eoscheck" tests="${report.claims.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${time(total)}">`,
    `  <testsuite name="${esc(name)}" tests="${report.claims.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${time(total)}">`,
  ];
  for (const r of results) {
    const row = r.row;
    const c = row.instances;
    const head = `    <testcase classname="eoscheck.${esc(row.id.split('.')[0])}" name="${esc(row.id)}" time="${time(row.ms)}">`;
    if (row.verdict === 'error' && r.firstError !== undefined) {
      lines.push(
        head,
        `      <error type="check_threw" message="${esc(r.firstError.verdict.evidence.message)}">${esc(r.firstError.verdict.stack)}</error>`,
        '    </testcase>',
      );
    } else if (row.verdict === 'violated') {
      lines.push(
        head,
        `      <failure type="violated" message="${esc(`${c.violated} of ${exercisedOf(c)} exercised instances violated`)}">${esc(formatFailure(r, report))}</failure>`,
        '    </testcase>',
      );
    } else if (skip(row) !== undefined) {
      lines.push(head, `      <skipped message="${esc(skip(row)!)}"/>`, '    </testcase>');
    } else {
      lines.push(head.replace(/>$/, '/>'));
    }
  }
  lines.push('  </testsuite>', '</testsuites>');
  return lines.join('\n') + '\n';
}
