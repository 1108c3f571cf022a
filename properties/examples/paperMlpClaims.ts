/**
 * The catalog's network claims on the larger configuration of docs/claims/cohen.md (8-32-1 tanh MLP,
 * n = 200 random labels, 5000–6000 steps), as a user runs them:
 *
 *   npx eoscheck check --claims properties/examples/paperMlpClaims.ts 'paper.*' --runs 10
 *
 * Each instance trains one network in float64 for a few seconds (0.6–11 s here), so the default
 * catalog uses the smaller 8-16-1 network instead. Same checks, same negative controls.
 */
import { defineClaim, mlpEosInstances, PAPER_MLP } from '../../src/claims/index.js';
import { eosHover, progressiveSharpening } from '../../src/claims/cohen/mlpEos.js';

export const paperProgressiveSharpening = defineClaim({
  ...progressiveSharpening,
  id: 'paper.cohen.progressive-sharpening',
  title: `${progressiveSharpening.title} (8-32-1, n = 200, 5000 steps)`,
  arbitrary: mlpEosInstances({ task: 'random-labels', kappa: [0.3, 0.7], net: PAPER_MLP, n: 200, steps: 5000, every: 20 }),
  runs: 6,
});

export const paperEosHover = defineClaim({
  ...eosHover,
  id: 'paper.cohen.eos.hover',
  title: `${eosHover.title} (8-32-1, n = 200, 6000 steps)`,
  arbitrary: mlpEosInstances({ task: 'random-labels', kappa: [0.3, 0.7], net: PAPER_MLP, n: 200, steps: 6000, every: 50 }),
  runs: 3,
});
