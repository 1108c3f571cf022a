/** `prefix1`, …, `prefixN`: the names of a block of θ's coordinates (e.g. u1..um), numbered from 1. */
export function indexedNames(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
}
