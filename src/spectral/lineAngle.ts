import type { Field } from '../numerics/field.js';
import { dot, norm2 } from '../numerics/linalg.js';

/**
 * The angle between the LINES through u and v (eigenvectors are defined up to sign), in [0, π/2],
 * in the field of the vectors: 2·atan(‖û − sv̂‖ / ‖û + sv̂‖) with s the sign of u·v. Unlike
 * arccos|û·v̂|, whose error near 0 is the square root of the cosine's (2e-8 rad in f64), it keeps
 * its relative accuracy for tiny angles, and an exact 0 stays 0; at interval:N it encloses the
 * angle. A zero vector is a RangeError.
 */
export function lineAngle<T>(F: Field<T>, u: readonly T[], v: readonly T[]): T {
  if (u.length !== v.length) throw new RangeError(`lineAngle: lengths ${u.length} and ${v.length} differ`);
  const nu = norm2(F, u);
  const nv = norm2(F, v);
  if (!(F.toNumber(nu) > 0 && F.toNumber(nv) > 0)) throw new RangeError('lineAngle: both vectors must be non-zero');
  const uh = u.map((x) => F.div(x, nu));
  // The sign only picks which of ±v to compare with; near 90° either choice encloses the same angle.
  const s = F.toNumber(dot(F, u, v)) < 0 ? F.int(-1) : F.one;
  const vh = v.map((x) => F.mul(s, F.div(x, nv)));
  const minus = norm2(
    F,
    uh.map((x, i) => F.sub(x, vh[i])),
  );
  const plus = norm2(
    F,
    uh.map((x, i) => F.add(x, vh[i])),
  );
  return F.mul(F.int(2), F.atan(F.div(minus, plus)));
}
