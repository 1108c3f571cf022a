import type { Claim } from '../claims/claim.js';
import { testedOn } from '../claims/testedOn.js';
import { exercisedOf, type CheckReport, type ClaimRow } from './report.js';
import { DEFAULT_MIN_HOLD_FRACTION } from '../settings.js';

export interface CatalogGroup {
  readonly title: string;
  readonly claims: readonly Claim[];
}

const KIND: Record<Claim['kind'], string> = { identity: 'exact identity', forall: '∀ under hypotheses', statistical: 'statistical' };

function kindText(c: Claim): string {
  return c.kind === 'statistical'
    ? `statistical: holds on ≥ ${Math.round((c.minHoldFraction ?? DEFAULT_MIN_HOLD_FRACTION) * 100)}% of instances`
    : KIND[c.kind];
}

function verdictText(row: ClaimRow | undefined): string {
  if (row === undefined) return 'not run';
  const c = row.instances;
  const extra = [
    c.artifact > 0 ? `${c.artifact} artifact` : '',
    c.inconclusive > 0 ? `${c.inconclusive} outside hypotheses` : '',
    c.diverged > 0 ? `${c.diverged} diverged` : '',
    (c.error ?? 0) > 0 ? `${c.error} error` : '',
  ]
    .filter((s) => s !== '')
    .join(', ');
  const f = row.holdFraction;
  const interval = f !== undefined ? `, 95% interval [${f.lo.toFixed(2)}, ${f.hi.toFixed(2)}]` : '';
  return `${row.verdict}, ${c.holds} of ${exercisedOf(c)} exercised${interval} (${row.runs} runs${extra !== '' ? `; ${extra}` : ''})`;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The catalog as Markdown, one table per group (paper): id, title, kind (with the statistic's
 * threshold), the models the generator draws, how sure we are of the source ([R]: recalled), and,
 * given a `check --json` report, the verdict each claim got and on how many instances. `eoscheck
 * list --markdown --results FILE` prints it; the README's catalog table is this output.
 */
export function catalogMarkdown(groups: readonly CatalogGroup[], report?: CheckReport): string {
  const rows = new Map((report?.claims ?? []).map((r) => [r.id, r]));
  const out: string[] = [];
  if (report !== undefined) {
    const total = report.claims.reduce((s, r) => s + r.ms, 0);
    const by = (v: string) => report.claims.filter((r) => r.verdict === v).length;
    out.push(
      `Verdicts from \`eoscheck check --seed ${report.seed}\` (${report.runs} instances per claim unless a costly claim sets its own; ` +
        `${report.claims.length} claims in ${(total / 1000).toFixed(0)} s): ${by('holds')} hold, ${by('violated')} violated, ${by('artifact')} artifact, ${by('inconclusive')} inconclusive.`,
      '',
    );
  }
  for (const g of groups) {
    if (g.claims.length === 0) continue;
    out.push(`### ${g.title}`, '', '| claim | statement | kind | tested on | source | verdict |', '|---|---|---|---|---|---|');
    for (const c of g.claims) {
      const on = testedOn(c);
      const source = c.citation.recalled === true ? '[R] recalled' : 'checked';
      out.push(
        `| \`${c.id}\` | ${cell(c.title)} | ${kindText(c)} | ${on.length > 0 ? on.map((m) => `\`${m}\``).join(', ') : '—'} | ${source} | ${verdictText(rows.get(c.id))} |`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}
