import type { Optimizer } from './optimizer.js';
import { OPTIMIZER_DEFAULTS } from '../settings.js';

/**
 * The sharpness at which a rule's iteration turns unstable on a quadratic: 2/η for gd and pgd,
 * (2 + 2β)/η for heavy-ball momentum (Cohen et al.'s momentum threshold). For ngd and sqrt-gd the
 * effective step changes every step, and this is 2/η of the nominal η. The observers' edge events
 * and margin use it, so a momentum run is judged against its own threshold.
 */
export function stabilityEdge<T>(opt: Optimizer<T>): T {
  const F = opt.F;
  const two = F.int(2);
  if (opt.id === 'momentum') return F.div(F.add(two, F.mul(two, F.from(opt.params.beta ?? OPTIMIZER_DEFAULTS.beta))), opt.lr);
  return F.div(two, opt.lr);
}
