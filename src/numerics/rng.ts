/** A small deterministic random source (not cryptographic). */
export interface Rng {
  /** Uniform double in [0, 1) with 53 random bits. */
  next(): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** A vector of n independent standard normals. */
  normalVector(n: number): number[];
}

/**
 * A seeded generator (mulberry32: 32-bit state, period 2³²), so start vectors and test matrices
 * are reproducible from a seed alone, independently of fast-check's own generator. Any integer
 * seed works; non-integers are truncated.
 */
export function rng(seed: number): Rng {
  let state = Math.trunc(seed) >>> 0;
  const u32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => (u32() * 2 ** 21 + (u32() >>> 11)) / 2 ** 53;
  let spare: number | undefined;
  const normal = (): number => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    // 1 − next() is in (0, 1], so the logarithm is finite.
    const r = Math.sqrt(-2 * Math.log(1 - next()));
    const theta = 2 * Math.PI * next();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
  return {
    next,
    normal,
    int: (n: number) => Math.floor(next() * n),
    normalVector: (n: number) => Array.from({ length: n }, normal),
  };
}
