// `npm run bench`: runs each benchmark in turn (never in parallel: this machine has about one core
// of throughput) and prints figures as ratios against a peer or a limit, with absolute figures.
// A full run (no file filter) then rewrites the README's benchmark table, between the
// `bench:start` / `bench:end` markers, from the rows the benchmarks returned.
import { readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { writeReadmeSection } from '../scripts/readmeSection.js';
import type { BenchRow } from './benchRow.js';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();
const rows: BenchRow[] = [];
const loads: number[] = [];
for (const f of files) {
  console.log(`\n== ${f}`);
  loads.push(loadavg()[0]);
  const mod = (await import(join(dir, f))) as { main: () => Promise<BenchRow[]> | BenchRow[] };
  rows.push(...(await mod.main()));
}
loads.push(loadavg()[0]);

if (only.length === 0) {
  const load = `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;
  const body = [
    `Figures from one \`npm run bench\` run on ${new Date().toISOString().slice(0, 10)}, ${availableParallelism()} cores, load average ${load}` +
      ' (CPU time of the benchmark process: rates are the best of 5 runs, times the median of 5–9):',
    '',
    '| what | figure |',
    '|---|---|',
    ...rows.map((r) => `| ${r.what} | ${r.figure} |`),
  ].join('\n');
  writeReadmeSection(join(dir, '..', 'README.md'), '<!-- bench:start (npm run bench) -->', '<!-- bench:end -->', body);
  console.log('\nREADME.md: benchmark table rewritten from this run');
}
