import { defineConfig } from 'vitest/config';

// One worker: this machine has about one core of throughput, and CPU-bound property suites
// gain nothing from parallel workers (measured in the ecosystem notes). Synchronous properties
// cannot be interrupted by testTimeout, so it is set high and work is bounded by numRuns instead.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'properties/**/*.test.ts'],
    maxWorkers: 1,
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
