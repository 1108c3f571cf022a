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

/** mulberry32's state update (a Weyl sequence mod 2³²): the next state, as a 32-bit integer. */
export function mulberry32Advance(state: number): number {
  return (state + 0x6d2b79f5) | 0;
}

/**
 * mulberry32's output for an (already advanced) state, as an unsigned 32-bit integer. The bits do
 * not depend on whether the state is held signed or unsigned (every operation is on 32 bits).
 */
export function mulberry32Output(state: number): number {
  let t = Math.imul(state ^ (state >>> 15), state | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/**
 * A seeded generator (mulberry32: 32-bit state, period 2³²), so start vectors and test matrices
 * are reproducible from a seed alone, independently of fast-check's own generator. Any integer
 * seed works; non-integers are truncated.
 */
export function rng(seed: number): Rng {
  let state = Math.trunc(seed) >>> 0;
  const u32 = (): number => {
    state = mulberry32Advance(state);
    return mulberry32Output(state);
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
