import type { Claim } from '../claim.js';
import { wxztCatapult } from './uvTrajectories.js';
import { wxztBalancingIdentity } from './wangXuZhaoTao.js';
import { wxztConvergenceRate } from './convergenceRate.js';
import { wxztGapBelowEdge } from './gapBelowEdge.js';

export const WXZT_CLAIMS: readonly Claim[] = [wxztBalancingIdentity, wxztCatapult];

export const WXZT_MORE_CLAIMS: readonly Claim[] = [wxztConvergenceRate, wxztGapBelowEdge] as unknown as readonly Claim[];
