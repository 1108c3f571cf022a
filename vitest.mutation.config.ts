import { defineConfig } from 'vitest/config';

// The test files `npm run mutation` (scripts/mutation.ts) runs against the mutants of one claim file:
// EOSCHECK_MUTATION_TESTS lists them; EOSCHECK_CLAIMS, EOSCHECK_CLAIM_MODULES and EOSCHECK_CLAIM_RUNS narrow the claim suites.
export default defineConfig({
  test: {
    include: (process.env.EOSCHECK_MUTATION_TESTS ?? '').split(',').filter((f) => f !== ''),
    maxWorkers: 1,
    testTimeout: 180_000,
    hookTimeout: 60_000,
    env: {
      EOSCHECK_SEED: process.env.EOSCHECK_SEED ?? '1',
      EOSCHECK_CLAIMS: process.env.EOSCHECK_CLAIMS ?? '',
      EOSCHECK_CLAIM_MODULES: process.env.EOSCHECK_CLAIM_MODULES ?? '',
      EOSCHECK_CLAIM_RUNS: process.env.EOSCHECK_CLAIM_RUNS ?? '20',
    },
  },
});
