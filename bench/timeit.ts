/**
 * Median CPU time of `fn` (this process, user + system) in ms over `reps` runs after `warm` warm-up
 * runs: on a shared machine other work stretches the wall clock far more than the CPU time.
 */
export function timeit(fn: () => unknown, reps = 9, warm = 2): number {
  for (let i = 0; i < warm; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    t.push((c.user + c.system) / 1000);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)];
}
