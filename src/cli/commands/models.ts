import { MODELS } from '../../models/registry.js';
import { CNN_PARAM_DEFAULTS, NETWORK_PARAM_DEFAULTS, TF_ACTIVATIONS, TF_DATASETS } from '../../tfjs/networkNames.js';
import { optFlag, type ParsedArgs } from '../parseArgs.js';
import type { Out } from '../run.js';

/** The networks `trace` trains on TensorFlow.js (float32; no closed forms, so not for `inspect`). */
const NETWORKS = [
  { id: 'mlp', title: 'fully connected network', objective: 'MSE or cross-entropy of a fully connected network on a seeded data set' },
  {
    id: 'cnn',
    title: 'small convolutional network',
    objective: 'MSE or cross-entropy of one 3×3 convolution layer (width filters) and a linear read-out, on digit images',
  },
].map((n) => ({
  ...n,
  theta: 'seeded initialisation (--param seed=S), no --theta',
  params: { ...(n.id === 'cnn' ? CNN_PARAM_DEFAULTS : NETWORK_PARAM_DEFAULTS) },
  activations: [...TF_ACTIVATIONS],
  datasets: n.id === 'cnn' ? ['digits'] : [...TF_DATASETS],
  commands: ['trace'],
  precision: 'f32 (TensorFlow.js)',
}));

/** `eoscheck models`: the model table (ids are a public contract), then the networks of `trace`. */
export function modelsCommand(args: ParsedArgs, out: Out): number {
  if (optFlag(args, 'json')) {
    out.write(
      JSON.stringify(
        MODELS.map((m) => ({
          id: m.id,
          title: m.title,
          objective: m.objective,
          theta: m.thetaLayout,
          params: m.params,
          data: m.data ?? null,
          kind: 'analytic',
        })).concat(NETWORKS.map((n) => ({ ...n, kind: 'network' }) as never)),
      ) + '\n',
    );
    return 0;
  }
  for (const m of MODELS) {
    const params = m.params.map((p) => `${p.name}${p.default !== undefined ? `=${p.default}` : ''}`).join(' ');
    out.write(
      `${m.id.padEnd(22)} ${m.objective}\n${''.padEnd(22)} θ: ${m.thetaLayout}${params ? `; params: ${params}` : ''}${m.data ? `; data: ${m.data}` : ''}\n`,
    );
  }
  out.write('\nNetworks (trace only, float32 on TensorFlow.js; see the README):\n');
  for (const n of NETWORKS) {
    const params = Object.entries(n.params)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    out.write(
      `${n.id.padEnd(22)} ${n.objective}\n${''.padEnd(22)} θ: ${n.theta}; params: ${params}\n${''.padEnd(22)} activation: ${n.activations.join('|')}; dataset: ${n.datasets.join('|')}\n`,
    );
  }
  return 0;
}
