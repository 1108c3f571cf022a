import {
  CNN_PARAM_DEFAULTS,
  NETWORK_PARAM_DEFAULTS,
  NETWORK_PARAM_KEYS as KEYS,
  TF_ACTIVATIONS,
  TF_DATASETS,
  type TfActivation,
  type TfDatasetName,
} from './networkNames.js';
import type { TraceNetworkOptions } from './traceNetwork.js';

export { CNN_PARAM_DEFAULTS, NETWORK_PARAM_DEFAULTS };

/** The network fields of {@link TraceNetworkOptions} (everything but backend, optimizer, lr, beta, lstar, steps, every). */
export type NetworkParams = Omit<TraceNetworkOptions, 'backend' | 'optimizer' | 'lr' | 'beta' | 'lstar' | 'steps' | 'every'>;

/**
 * The network part of a trace from `--param key=value` pairs (strings, as the CLI reads them), with
 * defaults for what is absent. Errors are RangeErrors naming the parameter and the rule; `param` is set
 * on them for a UsageError wrapper.
 */
export function parseNetworkParams(model: 'mlp' | 'cnn', params: Readonly<Record<string, string>>): NetworkParams {
  const bad = (key: string, rule: string): never => {
    throw Object.assign(new RangeError(`${key}=${params[key]}: ${rule}`), { param: key });
  };
  for (const key of Object.keys(params)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      throw Object.assign(new RangeError(`${key}: unknown for model ${model}; the keys are ${KEYS.join(', ')}`), { param: key });
    }
  }
  const get = (key: (typeof KEYS)[number]): string | undefined => params[key] ?? (model === 'cnn' ? CNN_PARAM_DEFAULTS : NETWORK_PARAM_DEFAULTS)[key];
  const int = (key: (typeof KEYS)[number], min: number, max: number): number | undefined => {
    const s = get(key);
    if (s === undefined) return undefined;
    const v = Number(s);
    if (!/^\d+$/.test(s.trim()) || !Number.isSafeInteger(v) || v < min || v > max) bad(key, `must be an integer in [${min}, ${max}]`);
    return v;
  };
  const oneOf = <T extends string>(key: (typeof KEYS)[number], choices: readonly T[]): T => {
    const s = get(key) as T;
    if (!choices.includes(s)) bad(key, `must be one of ${choices.join(', ')}`);
    return s;
  };
  const opt = <K extends string, V>(key: K, v: V | undefined): { [P in K]?: V } => (v === undefined ? {} : ({ [key]: v } as { [P in K]: V }));
  return {
    model,
    width: int('width', 1, 4096)!,
    depth: int('depth', 1, 16)!,
    activation: oneOf<TfActivation>('activation', TF_ACTIVATIONS),
    dataset: oneOf<TfDatasetName>('dataset', TF_DATASETS),
    n: int('n', 1, 100_000)!,
    seed: int('seed', 0, 2 ** 32 - 2)!,
    ...opt('dataSeed', int('dataSeed', 0, 2 ** 32 - 2)),
    ...opt('inputDim', int('inputDim', 1, 10_000)),
    ...opt('classes', int('classes', 2, 10)),
    ...opt('side', int('side', 1, 28)),
    loss: oneOf('loss', ['mse', 'cross-entropy'] as const),
    hvp: oneOf('hvp', ['nested', 'fd'] as const),
    lanczosIter: int('lanczosIter', 1, 1000)!,
    f64Every: int('f64Every', 0, 1_000_000)!,
  };
}
