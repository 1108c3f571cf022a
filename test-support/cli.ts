import { run } from '../src/cli/run.js';

/** The CLI in process, as `eoscheck argv…`: its exit code and what it wrote to standard output and error. @internal */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { write: (s: string) => (out += s) }, { write: (s: string) => (err += s) });
  return { code, out, err };
}
