/** Median wall time of `fn` in ms over `reps` runs after `warm` warm-up runs. */
export function timeit(fn: () => unknown, reps = 9, warm = 2): number {
  for (let i = 0; i < warm; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)];
}
