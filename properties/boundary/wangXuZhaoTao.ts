import type { Boundary } from './boundary.js';

/**
 * Boundary controls of the Wang, Xu, Zhao, Tao claims. None yet: the claims left are statistical
 * or identities checked step by step, whose far negative controls are listed in
 * properties/boundary.test.ts.
 */
export const WXZT_BOUNDARIES: readonly Boundary[] = [];
