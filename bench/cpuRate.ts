/**
 * Best rate of `run` over `reps` runs, in units per second of this process's CPU time (user +
 * system): other work on a shared machine slows the wall clock far more than the CPU time, and the
 * best run is the one least disturbed. `run` returns how many units it did.
 */
export function cpuRate(run: () => number, reps = 5, warm = 1): number {
  for (let i = 0; i < warm; i++) run();
  let best = 0;
  for (let i = 0; i < reps; i++) {
    const c0 = process.cpuUsage();
    const units = run();
    const c = process.cpuUsage(c0);
    best = Math.max(best, units / ((c.user + c.system) / 1e6));
  }
  return best;
}
