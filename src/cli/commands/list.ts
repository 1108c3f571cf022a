import { loadClaims } from '../../harness/loadClaims.js';
import { BUILTIN_CLAIMS, CATALOG_GROUPS, selectClaims } from '../../claims/registry.js';
import { testedOn } from '../../claims/testedOn.js';
import { UsageError } from '../../errors.js';
import { catalogMarkdown } from '../../harness/catalogMarkdown.js';
import { readReport } from '../../harness/readReport.js';
import { optFlag, optValue, type ParsedArgs } from '../parseArgs.js';
import type { Out } from '../run.js';

/**
 * `eoscheck list [ID|PREFIX* ...]`: the claims (id, title, citation, status, the models they are
 * tested on); `--json` for the full records; `--markdown [--results FILE.json]` for tables grouped
 * by paper with the verdicts of a `check --json` run (the README's catalog).
 */
export async function listCommand(args: ParsedArgs, out: Out): Promise<number> {
  const files = args.values.get('claims') ?? [];
  const all = await loadClaims(files);
  // The listing shows opt-in claims too (marked): they are skipped by `check` only.
  const claims = args.positionals.length === 0 ? all : selectClaims(all, args.positionals);
  const builtin = new Set(BUILTIN_CLAIMS.map((c) => c.id));
  const results = optValue(args, 'results');
  if (results !== undefined && !optFlag(args, 'markdown')) throw new UsageError('goes with --markdown (the verdict column of the tables)', '--results');
  if (optFlag(args, 'markdown')) {
    if (optFlag(args, 'json')) throw new UsageError('give --json or --markdown, not both', '--markdown');
    const chosen = new Set(claims.map((c) => c.id));
    const groups = [
      ...CATALOG_GROUPS.map((g) => ({ ...g, claims: g.claims.filter((c) => chosen.has(c.id)) })),
      { title: 'User claims', claims: claims.filter((c) => !builtin.has(c.id)) },
    ];
    out.write(catalogMarkdown(groups, results !== undefined ? readReport(results, '--results') : undefined));
    return 0;
  }
  if (optFlag(args, 'json')) {
    out.write(
      JSON.stringify(
        claims.map((c) => ({
          id: c.id,
          title: c.title,
          citation: c.citation,
          status: c.status,
          kind: c.kind,
          source: builtin.has(c.id) ? 'built-in' : 'user',
          statement: c.statement,
          hypotheses: c.hypotheses,
          tolerance: c.tolerance,
          rationale: c.rationale,
          negativeControl: c.negativeControl.description,
          ladder: c.ladder,
          budget: c.budget,
          testedOn: testedOn(c),
          ...(c.runs !== undefined ? { runs: c.runs } : {}),
          ...(c.minHoldFraction !== undefined ? { minHoldFraction: c.minHoldFraction } : {}),
          ...(c.optIn !== undefined ? { optIn: c.optIn } : {}),
        })),
      ) + '\n',
    );
    return 0;
  }
  for (const c of claims) {
    const cite = `${c.citation.paper}, ${c.citation.where}${c.citation.recalled === true ? ' [R: recalled, check against the paper]' : ''}`;
    const on = testedOn(c);
    const stat = c.kind === 'statistical' ? `, holds on ≥ ${Math.round((c.minHoldFraction ?? 0.8) * 100)}%` : '';
    out.write(
      `${c.id}  [${c.status}${stat}${builtin.has(c.id) ? '' : ', user'}]\n    ${c.title}\n    ${cite}\n${on.length > 0 ? `    tested on: ${on.join(', ')}\n` : ''}${c.optIn !== undefined ? `    opt-in (runs when named): ${c.optIn}\n` : ''}`,
    );
  }
  out.write(`${claims.length} claim(s)\n`);
  return 0;
}
