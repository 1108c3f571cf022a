import { UsageError } from '../errors.js';
import type { Claim } from './claim.js';
import { CLASSICAL_CLAIMS } from './classical/index.js';
import { ORACLE_CLAIMS } from './oracles/index.js';
import { DAMIAN_CLAIMS } from './damian/index.js';
import { DAMIAN_TRACKING_CLAIMS } from './damian/index.js';
import { ARORA_CLAIMS } from './arora/index.js';
import { WANG_ROBERTS_CLAIMS } from './wangRoberts/index.js';
import { WXZT_CLAIMS } from './wangXuZhaoTao/index.js';
import { WXZT_MORE_CLAIMS } from './wangXuZhaoTao/index.js';
import { AGARWALA_CLAIMS } from './agarwala/index.js';
import { COHEN_CLAIMS } from './cohen/index.js';
import { COHEN_NETWORK_CLAIMS } from './cohen/index.js';
import { KREISLER_CLAIMS } from './kreisler/index.js';
import { EVEN_CLAIMS } from './even/index.js';
import { EVEN_BIAS_CLAIMS } from './even/index.js';
import { LEWKOWYCZ_CLAIMS } from './lewkowycz/index.js';
import { CHEN_CLAIMS } from './chen/index.js';
import { ZHU_CLAIMS } from './zhu/index.js';
import { WR_ROTATION_CLAIMS } from './wangRoberts/rotationClaims.js';
import { WR_FLATTENING_CLAIMS } from './wangRoberts/flatteningInLr.js';
import { WXZT_REGULARITY_CLAIMS } from './wangXuZhaoTao/regularity.js';
import { WXZT_BALANCING_LR_CLAIMS } from './wangXuZhaoTao/balancingInLr.js';
import { WXZT_CATAPULT_CLAIMS } from './wangXuZhaoTao/catapultInnerProduct.js';

/**
 * The catalog grouped by source, in the order `list` and `check` show it: the classical facts,
 * the four seed papers, the supporting papers, then the closed-form oracles of every model.
 */
/**
 * A paper's claims. `paperModels` names the models the paper itself is about where the catalog also
 * checks the paper's mechanism on a toy (a two-parameter model built so the mechanism is in closed
 * form): the catalog tables then separate claims on the paper's models from those on toys, whose
 * identities are identities of the toy, not of the paper's setting. A group without it is checked on
 * the paper's own model only.
 */
export interface CatalogGroup {
  readonly title: string;
  readonly claims: readonly Claim[];
  readonly paperModels?: readonly string[];
}

/** Networks the self-stabilization, normalized-GD and rotation papers state their results for. */
const NETWORKS = ['two-layer', 'mlp', 'mlp-f64', 'deep-linear', 'deep-scalar', 'diagonal-linear', 'matrix-factorization'];

export const CATALOG_GROUPS: readonly CatalogGroup[] = [
  { title: 'Classical (quadratic GD, descent lemma)', claims: CLASSICAL_CLAIMS as readonly Claim[] },
  { title: 'Damian, Nichani, Lee: self-stabilization', claims: [...DAMIAN_CLAIMS, ...DAMIAN_TRACKING_CLAIMS], paperModels: NETWORKS },
  { title: 'Arora, Li, Panigrahi: normalized GD and GD on √L', claims: ARORA_CLAIMS, paperModels: NETWORKS },
  {
    title: 'Wang, Roberts: rotation of the top eigenvector',
    claims: [...WANG_ROBERTS_CLAIMS, ...WR_ROTATION_CLAIMS, ...WR_FLATTENING_CLAIMS],
    // Depth 1 is linear regression, a quadratic: the paper's own contrast case.
    paperModels: [...NETWORKS, 'quadratic'],
  },
  {
    title: 'Wang, Xu, Zhao, Tao: balancing and EoS for ℓ(xᵀy)',
    claims: [...WXZT_CLAIMS, ...WXZT_MORE_CLAIMS, ...WXZT_REGULARITY_CLAIMS, ...WXZT_BALANCING_LR_CLAIMS, ...WXZT_CATAPULT_CLAIMS],
  },
  {
    title: 'Cohen et al.: thresholds, progressive sharpening and EoS hover',
    claims: [...COHEN_CLAIMS, ...COHEN_NETWORK_CLAIMS],
    // The paper derives its divergence and momentum thresholds on quadratics.
    paperModels: [...NETWORKS, 'quadratic'],
  },
  { title: 'Kreisler et al.: GFS sharpness', claims: KREISLER_CLAIMS },
  { title: 'Even et al.: diagonal linear networks', claims: [...EVEN_CLAIMS, ...EVEN_BIAS_CLAIMS] },
  { title: 'Lewkowycz et al.: catapult', claims: LEWKOWYCZ_CLAIMS },
  { title: 'Agarwala, Pedregosa, Pennington: second-order regression', claims: AGARWALA_CLAIMS },
  { title: 'Chen, Balasubramanian, Ghosal, Agrawalla: from stability to chaos (cubic map)', claims: CHEN_CLAIMS },
  { title: 'Zhu et al.: minimalist example', claims: ZHU_CLAIMS },
  { title: 'Closed-form oracles of the models', claims: ORACLE_CLAIMS as readonly Claim[] },
];

/** The built-in catalog, in the order `list` and `check` show it. */
export const BUILTIN_CLAIMS: readonly Claim[] = CATALOG_GROUPS.flatMap((g) => g.claims);

/** Built-in claims followed by user claims; a user claim reusing an id is a UsageError naming `--claims`. */
export function withUserClaims(user: readonly { claim: Claim; file: string }[]): Claim[] {
  const out = [...BUILTIN_CLAIMS];
  const where = new Map<string, string>(out.map((c) => [c.id, 'the built-in catalog']));
  for (const { claim, file } of user) {
    const prev = where.get(claim.id);
    if (prev !== undefined) throw new UsageError(`${file}: claim "${claim.id}" is already defined in ${prev}`, 'claimsFile');
    where.set(claim.id, file);
    out.push(claim);
  }
  return out;
}

/**
 * The claims that ids or prefixes name (`classical.quadratic.monotone-below-edge`, `oracle.*`,
 * `*`), in catalog order, each once; none given means all. An opt-in claim (ClaimDef.optIn) is
 * chosen only by its own id. A pattern matching nothing is a UsageError listing what exists.
 */
export function selectClaims(claims: readonly Claim[], patterns: readonly string[]): Claim[] {
  if (patterns.length === 0) return claims.filter((c) => c.optIn === undefined);
  const chosen = new Set<string>();
  for (const pat of patterns) {
    const match = pat.endsWith('*') ? claims.filter((c) => c.id.startsWith(pat.slice(0, -1)) && c.optIn === undefined) : claims.filter((c) => c.id === pat);
    const optIn = pat.endsWith('*') ? claims.filter((c) => c.id.startsWith(pat.slice(0, -1)) && c.optIn !== undefined) : [];
    if (match.length === 0 && optIn.length > 0) {
      throw new UsageError(`"${pat}" matches only opt-in claims, which run when named: ${optIn.map((c) => c.id).join(', ')}`);
    }
    if (match.length === 0) {
      const known = claims.map((c) => c.id);
      const near = known.filter((id) => id.startsWith(pat.split('.')[0] + '.'));
      throw new UsageError(
        `unknown claim "${pat}" (${near.length > 0 ? `did you mean ${near.slice(0, 3).join(', ')}?` : `known: ${known.slice(0, 6).join(', ')}${known.length > 6 ? ', …; see `eoscheck list`' : ''}`})`,
      );
    }
    for (const c of match) chosen.add(c.id);
  }
  return claims.filter((c) => chosen.has(c.id));
}
