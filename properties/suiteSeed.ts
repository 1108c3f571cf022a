/**
 * The seed of the property suites: EOSCHECK_SEED, pinned (vitest.config.ts sets a default, so
 * `npm test` is reproducible). Like fast-check's own e2e suites, refuse to run in CI without a
 * pinned seed: a CI failure must be reproducible from its log.
 */
export function suiteSeed(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.EOSCHECK_SEED;
  if (raw === undefined || raw.trim() === '') {
    if (env.CI !== undefined && env.CI !== '' && env.CI !== 'false') {
      throw new Error(
        'EOSCHECK_SEED is not set: the property suites refuse to run in CI without a pinned seed (set it in the environment or in vitest.config.ts)',
      );
    }
    return 1;
  }
  if (!/^-?\d+$/.test(raw.trim()) || Math.abs(Number(raw)) > 2 ** 31) throw new Error(`EOSCHECK_SEED must be a 32-bit integer, got "${raw}"`);
  return Number(raw);
}
