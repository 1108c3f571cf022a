/**
 * A 32-bit seed derived from a base seed and names (claim id, run index, ...), by FNV-1a over
 * their text. Results then depend only on (seed, names), never on sharding or worker count.
 */
export function seedFor(base: number, ...names: (string | number)[]): number {
  let h = 0x811c9dc5;
  const text = [String(base), ...names.map(String)].join('\u0000');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h | 0;
}
