// Cold start of the compiled CLI (bin/eoscheck.js → dist/): the median wall time of 5 fresh
// processes per command, against `node -e 0` measured in the same rounds (a busy machine slows
// both) and against the limits users notice: `models` and `--help` ≤ 0.4 s, `inspect` ≤ 0.8 s.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { BenchRow } from './benchRow.js';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin/eoscheck.js');
const ROUNDS = 5;

const COMMANDS: { label: string; args: string[]; limitMs: number | undefined }[] = [
  { label: 'node -e 0', args: ['-e', '0'], limitMs: undefined },
  { label: 'eoscheck --help', args: [bin, '--help'], limitMs: 400 },
  { label: 'eoscheck models', args: [bin, 'models'], limitMs: 400 },
  { label: 'eoscheck inspect --model deep-scalar --theta 2,3 (f64)', args: [bin, 'inspect', '--model', 'deep-scalar', '--theta', '2,3'], limitMs: 800 },
  // The expr model's parser: mathjs' default entry (about a thousand modules) beside its single-file
  // build, which src/models/_internals/exprNodes.ts loads.
  { label: "require('mathjs')", args: ['-e', "require('mathjs')"], limitMs: undefined },
  { label: "require('mathjs/lib/browser/math.js')", args: ['-e', "require('mathjs/lib/browser/math.js')"], limitMs: undefined },
];

function wallMs(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function main(): BenchRow[] {
  // The compiled CLI of the sources as they are now.
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  const times = COMMANDS.map(() => [] as number[]);
  // Rounds interleave the commands, so a burst of load elsewhere hits all of them alike.
  for (let r = 0; r < ROUNDS; r++) COMMANDS.forEach((c, i) => times[i].push(wallMs(c.args)));
  const base = median(times[0]);
  console.log(`median of ${ROUNDS} processes each (ms)`);
  COMMANDS.forEach((c, i) => {
    const m = median(times[i]);
    const vsNode = i === 0 ? '' : `  (node -e 0 + ${(m - base).toFixed(0)})`;
    const limit = c.limitMs === undefined ? '' : `  limit ${c.limitMs}: ${m <= c.limitMs ? 'within' : 'OVER'} (${(m / c.limitMs).toFixed(2)}×)`;
    console.log(`  ${c.label.padEnd(58)} ${m.toFixed(0).padStart(5)}${vsNode}${limit}`);
  });
  const ms = (i: number) => median(times[i]).toFixed(0);
  const above = (i: number) => (median(times[i]) - base).toFixed(0);
  return [
    {
      what: 'cold start of the compiled CLI, `--help` / `models` / `inspect` on deep-scalar (limits 0.4 / 0.4 / 0.8 s)',
      figure: `median of ${ROUNDS} processes: ${ms(1)} / ${ms(2)} / ${ms(3)} ms, i.e. ${above(1)} / ${above(2)} / ${above(3)} ms above \`node -e 0\` (${ms(0)} ms in the same rounds)`,
    },
    {
      what: "loading mathjs for the expr model: its single-file build against the default entry `require('mathjs')`",
      figure: `${above(5)} ms against ${above(4)} ms above \`node -e 0\` (${((median(times[4]) - base) / (median(times[5]) - base)).toFixed(1)}× less)`,
    },
  ];
}
