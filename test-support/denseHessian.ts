/**
 * The dense Hessian of a float64 network, built column by column from its HVPs of the unit vectors:
 * the oracle the Lanczos and Taylor-center tests diagonalise (column j is H·e_j, row j by symmetry
 * up to rounding).
 */
export function denseHessianF64(dim: number, hvp: (e: Float64Array) => ArrayLike<number>): number[][] {
  const e = new Float64Array(dim);
  const H: number[][] = [];
  for (let j = 0; j < dim; j++) {
    e.fill(0);
    e[j] = 1;
    H.push(Array.from(hvp(e)));
  }
  return H;
}
