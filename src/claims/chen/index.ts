import type { Claim } from '../claim.js';
import { chenChaos } from './chaos.js';
import { chenConvergesBelowOne, chenDivergenceThreshold, chenTwoCycle } from './chen.js';

export const CHEN_CLAIMS: readonly Claim[] = [chenTwoCycle, chenDivergenceThreshold, chenConvergesBelowOne, chenChaos] as readonly Claim[];
