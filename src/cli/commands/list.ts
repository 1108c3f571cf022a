import { loadClaims } from '../../harness/loadClaims.js';
import { selectClaims } from '../../claims/registry.js';
import { BUILTIN_CLAIMS } from '../../claims/registry.js';
import { optFlag, type ParsedArgs } from '../parseArgs.js';
import type { Out } from '../run.js';

/** `eoscheck list [ID|PREFIX* ...]`: the claims (id, title, citation, status); `--json` for the full records. */
export async function listCommand(args: ParsedArgs, out: Out): Promise<number> {
  const files = args.values.get('claims') ?? [];
  const claims = selectClaims(await loadClaims(files), args.positionals);
  const builtin = new Set(BUILTIN_CLAIMS.map((c) => c.id));
  if (optFlag(args, 'json')) {
    out.write(JSON.stringify(claims.map((c) => ({
      id: c.id, title: c.title, citation: c.citation, status: c.status, kind: c.kind,
      source: builtin.has(c.id) ? 'built-in' : 'user',
      statement: c.statement, hypotheses: c.hypotheses, tolerance: c.tolerance, rationale: c.rationale,
      negativeControl: c.negativeControl.description, ladder: c.ladder, budget: c.budget,
      ...(c.minHoldFraction !== undefined ? { minHoldFraction: c.minHoldFraction } : {}),
    }))) + '\n');
    return 0;
  }
  for (const c of claims) {
    const cite = `${c.citation.paper}, ${c.citation.where}${c.citation.recalled === true ? ' [R: recalled, check against the paper]' : ''}`;
    out.write(`${c.id}  [${c.status}${builtin.has(c.id) ? '' : ', user'}]\n    ${c.title}\n    ${cite}\n`);
  }
  out.write(`${claims.length} claim(s)\n`);
  return 0;
}
