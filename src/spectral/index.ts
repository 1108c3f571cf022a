/**
 * The spectral layer: sharpness S(θ) = λ_max(∇²L) and its gradient, top eigenpairs with
 * residuals (certified in interval arithmetic), Lanczos for HVP-only models, and the angles that
 * measure eigenvector rotation. Every public name is listed here.
 */
export { inspectPoint, type PointReport } from './inspectPoint.js';
export { lanczos, type LanczosOptions, type LanczosResult } from './lanczos.js';
export { principalAngles, vectorAngle } from './principalAngles.js';
export {
  isSimpleTop,
  sharpness,
  sharpnessGradient,
  topEigenpairs,
  type SharpnessGradient,
  type TopEigenpairs,
} from './sharpness.js';
