/**
 * `npm run fuzz [-- --count N --seed S --bound MS --verbose]`: N generated inputs (default 3000) through the
 * CLI's entry point, in-process; prints the counts of crashes, hangs and NaN outputs and every
 * finding. Exit 1 when anything was found.
 */
import { describeCase, fuzzCli } from '../properties/fuzz/cliFuzz.js';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return dflt;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 0) {
    process.stderr.write(`fuzz: --${name} must be a whole number, got "${process.argv[i + 1]}"\n`);
    process.exit(2);
  }
  return v;
}

const count = arg('count', 3000);
const seed = arg('seed', 1);
const bound = arg('bound', 60_000);
// --verbose: each case's argv on stderr before it runs, to find a case that does not finish.
const verbose = process.argv.includes('--verbose');
const s = await fuzzCli(count, seed, bound, verbose ? (argv) => process.stderr.write(`> ${argv.join(' ').slice(0, 300)}\n`) : undefined, (r, i) => {
  if (r.findings.length > 0) process.stdout.write(`${describeCase(r)}\n`);
  if ((i + 1) % 250 === 0) process.stderr.write(`${i + 1}/${count}\n`);
});
process.stdout.write(
  `${s.cases} cases (seed ${seed}) in ${Math.round(s.ms / 1000)} s: ${s.crashes.length} crashes, ${s.hangs.length} hangs (> ${bound} ms), ` +
    `${s.nans.length} NaN/Infinity outputs; exits ${JSON.stringify(s.byExit)}\n`,
);
process.exitCode = s.crashes.length + s.hangs.length + s.nans.length > 0 ? 1 : 0;
