/**
 * A results file as `check --json` writes it, for the tests of the commands that read one (merge,
 * report, list --results): one row, classical.descent-lemma after one run that held or was violated.
 */
export function resultsRow(verdict: 'holds' | 'violated') {
  const held = verdict === 'holds';
  return {
    id: 'classical.descent-lemma',
    verdict,
    kind: 'forall',
    runs: 1,
    instances: { holds: held ? 1 : 0, violated: held ? 0 : 1, artifact: 0, inconclusive: 0, diverged: 0 },
    exercised: 1,
    fixtures: 0,
    evaluations: 1,
    counterexamples: [] as unknown[],
    ms: 1,
  };
}

/** The text of a results file with these claim rows (and `extra` header fields, e.g. `fixtures`). */
export function resultsFile(claims: readonly unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ seed: 1, runs: 1, shard: '1/1', version: '0.1.0', ...extra, interrupted: false, claims });
}
