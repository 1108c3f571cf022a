import { MODELS } from '../../models/registry.js';
import { optFlag, type ParsedArgs } from '../parseArgs.js';
import type { Out } from '../run.js';

/** `eoscheck models`: the model table (ids are a public contract). */
export function modelsCommand(args: ParsedArgs, out: Out): number {
  if (optFlag(args, 'json')) {
    out.write(JSON.stringify(MODELS.map((m) => ({
      id: m.id, title: m.title, objective: m.objective, theta: m.thetaLayout,
      params: m.params, data: m.data ?? null,
    }))) + '\n');
    return 0;
  }
  for (const m of MODELS) {
    const params = m.params.map((p) => `${p.name}${p.default !== undefined ? `=${p.default}` : ''}`).join(' ');
    out.write(`${m.id.padEnd(22)} ${m.objective}\n${''.padEnd(22)} θ: ${m.thetaLayout}${params ? `; params: ${params}` : ''}${m.data ? `; data: ${m.data}` : ''}\n`);
  }
  return 0;
}
