// `npm run bench`: runs each benchmark in turn (never in parallel: this machine has about one core
// of throughput) and prints figures as ratios against a peer or a limit, not bare timings.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const only = process.argv.slice(2);
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
for (const f of files) {
  console.log(`\n== ${f}`);
  const mod = (await import(join(dir, f))) as { main: () => Promise<void> | void };
  await mod.main();
}
