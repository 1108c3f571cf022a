import { exercisedOf, formatHoldFraction, type CheckReport } from './report.js';
import type { ClaimResult } from './runClaim.js';
import { formatCertificate, formatEvidence, formatFailure, formatLadder } from './formatFailure.js';

const ICON: Record<string, string> = {
  holds: '✅',
  violated: '❌',
  artifact: '⚠️',
  inconclusive: '❔',
  diverged: '💥',
  error: '🐞',
  partial: '◐',
  interrupted: '⏸️',
};

/**
 * The run as Markdown: one table row per claim (verdict, instances per verdict, how many exercised
 * the claim), a total line, then each violated claim's failure report and any fixture whose replay
 * disagreed with its `expected` verdict. Printed by `check` and written by `--summary FILE.md`.
 */
export function markdownSummary(report: CheckReport, results: readonly ClaimResult[], claimsFiles: readonly string[] = []): string {
  const out: string[] = [];
  const own = report.claims.filter((r) => r.runs !== report.runs).length;
  const perClaim = `${report.runs} runs per claim${own > 0 ? ` (${own} costly claim(s) use their own default)` : ''}`;
  out.push(`## eoscheck check: seed ${report.seed}, ${perClaim}, shard ${report.shard}${report.interrupted ? ' (interrupted: partial)' : ''}`, '');
  out.push('| claim | verdict | runs | holds | violated | artifact | inconclusive | diverged | error | exercised | fixtures | ms |');
  out.push('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const r of report.claims) {
    const c = r.instances;
    out.push(
      `| \`${r.id}\` | ${ICON[r.verdict]} ${r.verdict} | ${r.runs} | ${c.holds} | ${c.violated} | ${c.artifact} | ${c.inconclusive} | ${c.diverged} | ${c.error ?? 0} | ${r.exercised} | ${r.fixtures} | ${r.ms} |`,
    );
  }
  const by = (v: string) => report.claims.filter((r) => r.verdict === v).length;
  out.push(
    '',
    `**${report.claims.length} claim(s): ${by('holds')} hold, ${by('violated')} violated, ${by('artifact')} artifact (f64 rounding only), ${by('inconclusive')} inconclusive${by('error') > 0 ? `, ${by('error')} error (a check threw: exit 3)` : ''}${by('partial') > 0 ? `, ${by('partial')} partial (decided when the shards are merged)` : ''}${by('interrupted') > 0 ? `, ${by('interrupted')} interrupted` : ''}.**`,
  );
  const statistical = report.claims.filter((r) => r.holdFraction !== undefined);
  if (statistical.length > 0) {
    out.push(
      '',
      'Statistical claims, decided on the 95% Wilson interval of the hold fraction (holds when its lower end reaches the required fraction, violated when its upper end is below, inconclusive otherwise):',
      '',
    );
    for (const r of statistical) out.push(`- \`${r.id}\`: ${formatHoldFraction(r.holdFraction!)}, required ${r.minHoldFraction ?? 0.8}: ${r.verdict}`);
  }
  const unexercised = report.claims.filter((r) => exercisedOf(r.instances) === 0);
  if (unexercised.length > 0) out.push('', `Not exercised by any instance: ${unexercised.map((r) => `\`${r.id}\``).join(', ')}.`);
  for (const r of results) {
    if (r.row.verdict === 'violated') out.push('', `### ❌ ${r.row.id}`, '', '```text', formatFailure(r, report, claimsFiles), '```');
    if (r.row.verdict === 'artifact' && r.firstArtifact !== undefined) {
      const a = r.firstArtifact.verdict;
      out.push(
        '',
        `### ⚠️ ${r.row.id}: ${r.row.instances.artifact} instance(s) failed only in low precision`,
        '',
        '```text',
        `First: ${JSON.stringify(r.firstArtifact.instance)}`,
        `Failed: ${formatEvidence(a.failure)}`,
        `Held:   ${formatEvidence(a.evidence)}`,
        `Precision ladder: ${formatLadder(a.ladder, a.evidence, a.certificate)}`,
        ...(a.certificate !== undefined ? [`Certified to hold: ${formatCertificate(a.certificate)}`] : []),
        '```',
      );
    }
    if (r.firstUncertified !== undefined) {
      out.push(
        '',
        `### ❔ ${r.row.id}: ${r.row.instances.uncertified} failure(s) not certified in interval arithmetic`,
        '',
        '```text',
        `First: ${JSON.stringify(r.firstUncertified.instance)}`,
        `Evidence: ${formatEvidence(r.firstUncertified.verdict.evidence)}`,
        '```',
      );
    }
    if (r.firstError !== undefined) {
      out.push(
        '',
        `### 🐞 ${r.row.id}: the check threw on ${r.row.instances.error} instance(s)`,
        '',
        '```text',
        `First: ${JSON.stringify(r.firstError.instance)}`,
        r.firstError.verdict.stack,
        '```',
      );
    }
    for (const m of r.mismatches) {
      out.push(
        '',
        m.updated
          ? `⚠️ fixture \`${m.file}\` expected ${m.expected}, replay gave ${m.got}: re-recorded (--update-fixtures).`
          : `❌ fixture \`${m.file}\` expected ${m.expected}, replay gave ${m.got}: a regression (accept it with --update-fixtures).`,
      );
    }
  }
  return out.join('\n') + '\n';
}
