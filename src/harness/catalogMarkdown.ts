import type { Claim } from '../claims/claim.js';
import type { CatalogGroup } from '../claims/registry.js';
import { testedOn } from '../claims/testedOn.js';
import { exercisedOf, type CheckReport, type ClaimRow } from './report.js';
import { DEFAULT_MIN_HOLD_FRACTION } from '../settings.js';

const KIND: Record<Claim['kind'], string> = { identity: 'exact identity', forall: '∀ under hypotheses', statistical: 'statistical' };

function kindText(c: Claim, toy: boolean): string {
  if (c.kind === 'statistical') return `statistical: holds on ≥ ${Math.round((c.minHoldFraction ?? DEFAULT_MIN_HOLD_FRACTION) * 100)}% of instances`;
  return toy && c.kind === 'identity' ? 'exact identity of a toy model' : KIND[c.kind];
}

/** The catalog's verdict cell of a claim: its row of a `check` report, or why it was not run. */
export function verdictText(row: ClaimRow | undefined, claim: Claim): string {
  if (row === undefined) return claim.optIn !== undefined ? `opt-in, not in the default run (\`eoscheck check ${claim.id}\`: ${claim.optIn})` : 'not run';
  const c = row.instances;
  const extra = [
    c.artifact > 0 ? `${c.artifact} artifact` : '',
    c.inconclusive > 0 ? `${c.inconclusive} inconclusive` : '',
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
    out.push(`### ${g.title}`, '');
    const tested = g.claims.map((c) => ({ c, on: testedOn(c) }));
    const paper = g.paperModels;
    if (paper === undefined) {
      table(out, tested, rows, false);
      continue;
    }
    // A claim belongs to the paper's setting when its generator draws one of the paper's models.
    const onPaper = tested.filter(({ on }) => on.some((m) => paper.includes(m)));
    const onToy = tested.filter((t) => !onPaper.includes(t));
    if (onPaper.length > 0) {
      out.push("On the paper's models:", '');
      table(out, onPaper, rows, false);
    }
    if (onToy.length > 0) {
      out.push("On toy models (the paper's mechanism on a model built to make it closed-form; an identity here is an identity of the toy):", '');
      table(out, onToy, rows, true);
    }
  }
  return out.join('\n');
}

function table(out: string[], claims: readonly { c: Claim; on: string[] }[], rows: ReadonlyMap<string, ClaimRow>, toy: boolean): void {
  out.push('| claim | statement | kind | tested on | source | verdict |', '|---|---|---|---|---|---|');
  for (const { c, on } of claims) {
    const source = c.citation.recalled === true ? '[R] recalled' : 'checked';
    out.push(
      `| \`${c.id}\` | ${cell(c.title)} | ${kindText(c, toy)} | ${on.length > 0 ? on.map((m) => `\`${m}\``).join(', ') : '—'} | ${source} | ${verdictText(rows.get(c.id), c)} |`,
    );
  }
  out.push('');
}
