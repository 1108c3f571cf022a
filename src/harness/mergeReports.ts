import { UsageError } from '../errors.js';
import { claimVerdict, COUNT_KEYS, holdFractionOf, zeroCounts, type CheckReport, type ClaimRow } from './report.js';
import { NO_SHARD, parseShard } from './shard.js';
import { verdictInRun } from './verdictInRun.js';

/**
 * Merges the reports of shards 1/n … n/n of one run into the report an unsharded run writes:
 * counts, evaluations and fixture replays are summed, counterexample lists united and sorted, the
 * verdict decided on the summed counts (the shards' `partial` rows are decided here), `ms` summed
 * (the only field that may differ). A claim cut by a signal in some shard, or missing from a shard
 * that was stopped before it, stays `interrupted`. The shards must agree on seed, runs, version,
 * fixtures directory and claims, and cover 1..n exactly once; otherwise a UsageError names the file.
 */
export function mergeReports(reports: readonly { file: string; report: CheckReport }[]): CheckReport {
  if (reports.length === 0) throw new UsageError('needs at least one report to merge');
  const first = reports[0].report;
  const n = parseShard(first.shard, reports[0].file).count;
  const seen = new Map<number, string>();
  for (const { file, report } of reports) {
    const s = parseShard(report.shard, file);
    if (s.count !== n) throw new UsageError(`${file}: shard ${report.shard} is not one of ${n} (${reports[0].file} is ${first.shard})`);
    const prev = seen.get(s.index);
    if (prev !== undefined) throw new UsageError(`${file}: shard ${report.shard} is given twice (also ${prev})`);
    seen.set(s.index, file);
    for (const k of ['seed', 'runs', 'version', 'fixtures'] as const) {
      if (report[k] !== first[k])
        throw new UsageError(`${file}: ${k} ${JSON.stringify(report[k])} differs from ${JSON.stringify(first[k])} in ${reports[0].file}`);
    }
    const ids = report.claims.map((c) => c.id).join(',');
    if (!report.interrupted && !first.interrupted && ids !== first.claims.map((c) => c.id).join(',')) {
      throw new UsageError(`${file}: its claims differ from those of ${reports[0].file}; shards must run the same claims`);
    }
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) throw new UsageError(`shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${n}`).join(', ')} missing`);

  const order: string[] = [];
  const rows = new Map<string, ClaimRow[]>();
  for (const { report } of reports) {
    for (const row of report.claims) {
      if (!rows.has(row.id)) {
        rows.set(row.id, []);
        order.push(row.id);
      }
      rows.get(row.id)!.push(row);
    }
  }
  const claims: ClaimRow[] = order.map((id) => {
    const parts = rows.get(id)!;
    const counts = zeroCounts();
    for (const p of parts) for (const k of [...COUNT_KEYS, 'uncertified' as const]) counts[k] += p.instances[k] ?? 0;
    const base = parts[0];
    const other = parts.find((p) => p.runs !== base.runs);
    if (other !== undefined)
      throw new UsageError(`claim ${id} was run with ${base.runs} instances in one shard and ${other.runs} in another: these are shards of different runs`);
    const cut = parts.length < n || parts.some((p) => p.verdict === 'interrupted');
    return {
      id,
      verdict: verdictInRun(claimVerdict(base.kind, counts, base.minHoldFraction), base.kind, { shard: NO_SHARD, interrupted: cut }),
      kind: base.kind,
      ...(base.minHoldFraction !== undefined ? { minHoldFraction: base.minHoldFraction } : {}),
      ...(base.kind === 'statistical' ? { holdFraction: holdFractionOf(counts) } : {}),
      runs: base.runs,
      instances: counts,
      // Summed, not recomputed from the counts: those include fixture replays, `exercised` does not.
      exercised: parts.reduce((s, p) => s + p.exercised, 0),
      fixtures: parts.reduce((s, p) => s + p.fixtures, 0),
      evaluations: parts.reduce((s, p) => s + p.evaluations, 0),
      counterexamples: [...new Set(parts.flatMap((p) => p.counterexamples))].sort(),
      ms: parts.reduce((s, p) => s + p.ms, 0),
    };
  });
  return {
    seed: first.seed,
    runs: first.runs,
    shard: '1/1',
    version: first.version,
    ...(first.fixtures !== undefined ? { fixtures: first.fixtures } : {}),
    interrupted: reports.some((r) => r.report.interrupted),
    claims,
  };
}
