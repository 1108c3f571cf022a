/** Σ aᵢbᵢ in doubles, summed in index order (the f64 loops' inner product: no Field, no allocation). */
export function dotF64(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
