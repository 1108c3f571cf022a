/**
 * `npm run mutation [-- FILE...]`: Stryker (vitest runner) over claim files, one file at a time, each
 * against only the tests that concern it: the claim suites narrowed to the file's claims, or for a
 * helper without claims to those of the files of src/claims that import it (properties/claims.test.ts
 * at EOSCHECK_CLAIM_RUNS runs, properties/boundary.test.ts, properties/claimDeclarations.test.ts), the pinned
 * checks, the paper's harness tests and the tests next to the file. Incremental: a file's mutants
 * whose code and tests did not change keep their last result (Stryker's state in .eoscheck/mutation/; each file's result in fixtures/mutation/). Every run
 * rewrites docs/mutation.md from the results of every file run so far.
 * `--ignore-static` skips the mutants evaluated at module load (quicker, less complete); `--force` re-runs every
 * mutant (needed after a test was added: the incremental state keeps a static mutant's result while its code is unchanged).
 * Without arguments: every file of src/claims (hours of CPU on a first pass; later passes re-run only what changed).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PartialStrykerOptions } from '@stryker-mutator/api/core';
import { claimsExportedBy } from '../src/claims/claimsExportedBy.js';
import { EQUIVALENT_MUTANTS } from './mutationEquivalent.js';

const root = join(import.meta.dirname, '..');
// Stryker's incremental state (large, rebuilt when lost) is a working cache; the per-file results are data kept in the
// repository, so that docs/mutation.md can be rewritten from every file measured so far on any checkout.
const state = join(root, '.eoscheck/mutation');
const results = join(root, 'fixtures/mutation');
interface Mutant {
  readonly line: number;
  readonly mutator: string;
  readonly replacement: string;
  readonly status: string;
}
/** One file's run: the counts, and each mutant that was not killed (survivors, no coverage, runtime errors) in full. */
interface FileResult {
  readonly file: string;
  readonly claims: readonly string[];
  readonly seconds: number;
  /** HEAD when the file was measured. */
  readonly commit: string;
  readonly total: number;
  readonly ignored: number;
  readonly compileErrors: number;
  readonly killed: number;
  readonly notKilled: readonly Mutant[];
  /**
   * Only on a result carried over from a report that kept counts rather than every mutant (the files measured at 6669cdb):
   * the mutants counted, equivalents already set aside; `notKilled` then holds the surviving mutants the report listed.
   */
  readonly counted?: number;
}

function testsFor(file: string): string[] {
  const dir = dirname(file);
  // Outside the catalog (e.g. the harness's verdict logic, src/harness/evaluate.ts): the file's own tests.
  if (!file.startsWith('src/claims/')) return [`${dir}/${basename(file, '.ts')}.test.ts`].filter((f) => existsSync(join(root, f)));
  const paper = basename(dir);
  const papers = readdirSync(join(root, 'properties/papers'))
    .filter((f) => (f.startsWith(paper) || f === `${basename(file, '.ts')}.test.ts`) && f.endsWith('.test.ts'))
    .map((f) => `properties/papers/${f}`);
  // The paper's suites kept at the top of properties/ (properties/damianDiagonalLinear.test.ts: the self-stabilization families).
  const suites = readdirSync(join(root, 'properties'))
    .filter((f) => f.startsWith(paper) && f.endsWith('.test.ts'))
    .map((f) => `properties/${f}`);
  const local = readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `${dir}/${f}`);
  return [
    'properties/claims.test.ts',
    'properties/boundary.test.ts',
    'properties/claimDeclarations.test.ts',
    'properties/guardInstances.test.ts',
    'properties/pinnedChecks.test.ts',
    ...papers,
    ...suites,
    ...local,
  ];
}

/**
 * The claims a file exports, one by one or as a list (src/claims/oracles/oracle.ts: ORACLE_CLAIMS). Opt-in claims (minutes at their
 * decisive runs) are not run by the claim suite at 20 runs: they count here only for a file whose claims are all opt-in, whose
 * mutants then meet the quick suites that judge stated or recorded runs (boundary controls, guard instances, declarations).
 */
async function claimsOf(file: string): Promise<{ plain: string[]; optIn: string[] }> {
  const mod = (await import(pathToFileURL(join(root, file)).href)) as Record<string, unknown>;
  const claims = claimsExportedBy(mod);
  return { plain: claims.filter((c) => c.optIn === undefined).map((c) => c.id), optIn: claims.filter((c) => c.optIn !== undefined).map((c) => c.id) };
}

/** Every non-test source file under src/claims, relative to the root (index.ts files only re-export). */
function claimTree(dir = 'src/claims'): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const f = `${dir}/${e.name}`;
    if (e.isDirectory()) return claimTree(f);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && e.name !== 'index.ts' ? [f] : [];
  });
}

/**
 * The files of src/claims that import `file`, directly or through one another (a helper's mutants reach the verdicts
 * only through them): for a paper's helper its siblings, for a shared helper (src/claims/judgeOrder.ts) the papers using it.
 */
function importersInClaims(file: string): string[] {
  const tree = claimTree();
  const imports = new Map(
    tree.map((f) => [f, [...readFileSync(join(root, f), 'utf8').matchAll(/from '(\.\.?\/[^']+)\.js'/g)].map((m) => join(dirname(f), `${m[1]}.ts`))]),
  );
  const found = new Set<string>([file]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [f, deps] of imports)
      if (!found.has(f) && deps.some((d) => found.has(d))) {
        found.add(f);
        grew = true;
      }
  }
  found.delete(file);
  return [...found].sort();
}

/**
 * The claims a file's mutants can change: its own, or for a helper without claims those of the files of src/claims that
 * import it; and the modules that hold them (the claim suites import those alone rather than the whole catalog).
 */
async function claimIds(file: string): Promise<{ ids: string[]; modules: string[]; optInOnly: boolean }> {
  if (!file.startsWith('src/claims/')) return { ids: [], modules: [], optInOnly: false };
  const own = await claimsOf(file);
  const pick = (each: readonly { plain: string[]; optIn: string[] }[], files: readonly string[]) => {
    const plain = [...new Set(each.flatMap((e) => e.plain))];
    const optIn = [...new Set(each.flatMap((e) => e.optIn))];
    const optInOnly = plain.length === 0 && optIn.length > 0;
    const ids = optInOnly ? optIn : plain;
    return { ids, modules: files.filter((_, k) => each[k].plain.length + each[k].optIn.length > 0), optInOnly };
  };
  if (own.plain.length + own.optIn.length > 0) return pick([own], [file]);
  const importers = importersInClaims(file);
  return pick(await Promise.all(importers.map(claimsOf)), importers);
}

async function mutate(file: string, ignoreStatic: boolean, force: boolean): Promise<FileResult> {
  const { Stryker } = await import('@stryker-mutator/core');
  const { ids: claims, modules, optInOnly } = await claimIds(file);
  const key = file.replace(/[/.]/g, '_');
  // No claim reached (a file outside the catalog): a filter no claim matches, so the claim suites run nothing rather than everything.
  process.env.EOSCHECK_CLAIMS = claims.length > 0 ? claims.join(',') : 'none';
  process.env.EOSCHECK_CLAIM_MODULES = modules.join(',');
  // The claim suite would run an opt-in claim at its decisive runs (minutes each): left to the claim's own suite.
  process.env.EOSCHECK_MUTATION_TESTS = testsFor(file)
    .filter((f) => !(optInOnly && f === 'properties/claims.test.ts'))
    .join(',');
  process.env.EOSCHECK_CLAIM_RUNS ??= '20';
  const start = performance.now();
  const mutants = await new Stryker({
    mutate: [file],
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner'],
    vitest: { configFile: 'vitest.mutation.config.ts', related: false },
    coverageAnalysis: 'perTest',
    concurrency: 1,
    // Messages are not claim logic: string mutants would only measure whether tests read the wording.
    mutator: { excludedMutations: ['StringLiteral'] },
    incremental: true,
    // Stryker reuses a static mutant's result while its code is unchanged even when a test was added (it covers no test in
    // particular): `--force` re-runs every mutant after the test set changed, and refreshes the stored results.
    force,
    incrementalFile: join(state, `${key}.incremental.json`),
    reporters: ['clear-text', 'progress-append-only'],
    // Static mutants (evaluated when the module loads, e.g. a claim definition's fields) re-run every selected test: `--ignore-static` skips them for a quick pass.
    ignoreStatic,
    // A mutant's run gets 1.5× the tests' own time plus this: a mutant that turns a loop's exit off (a run to its full step
    // budget, or past it) is a timeout, killed, within seconds rather than minutes; the unmutated tests take seconds.
    timeoutMS: 15_000,
    tempDirName: '.eoscheck/stryker-tmp',
    // The build output and the working state are not inputs of the tests: copying them into the sandbox only races a build
    // started meanwhile (vitest builds dist/ before its tests).
    ignorePatterns: ['/dist', '/.eoscheck'],
    cleanTempDir: 'always',
    disableTypeChecks: true,
    logLevel: 'warn' as PartialStrykerOptions['logLevel'],
    // Stryker rewrites the tsconfig through TypeScript's JS API, which TypeScript 7 does not have; the vitest runner needs no tsconfig.
    tsconfigFile: '.eoscheck/no-tsconfig.json',
  }).runMutationTest();
  const is = (...statuses: string[]) => mutants.filter((m) => statuses.includes(m.status));
  return {
    file,
    claims,
    seconds: Math.round((performance.now() - start) / 1000),
    commit: execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim(),
    total: mutants.length,
    ignored: is('Ignored').length,
    compileErrors: is('CompileError').length,
    killed: is('Killed', 'Timeout').length,
    notKilled: mutants
      .filter((m) => !['Killed', 'Timeout', 'Ignored', 'CompileError'].includes(m.status))
      .map((m) => ({ line: m.location.start.line, mutator: m.mutatorName, replacement: m.replacement ?? '', status: m.status })),
  };
}

const isEquivalent = (file: string, m: Mutant) => EQUIVALENT_MUTANTS.find((e) => e.file === file && e.line === m.line && e.replacement === m.replacement);

function markdown(all: readonly FileResult[], unmeasured: readonly string[]): string {
  const rows: string[] = [];
  const survivors: string[] = [];
  let killedAll = 0;
  let countedAll = 0;
  for (const r of all) {
    // An equivalent mutant is set aside only when it survived (a killed one with the same line and replacement is another mutant).
    const survived = (m: Mutant) => m.status === 'Survived' || m.status === 'NoCoverage';
    const open = r.counted !== undefined ? r.notKilled : r.notKilled.filter((m) => !(survived(m) && isEquivalent(r.file, m) !== undefined));
    const counted = r.counted ?? r.killed + open.length;
    killedAll += r.killed;
    countedAll += counted;
    const score = counted === 0 ? '–' : `${((100 * r.killed) / counted).toFixed(1)}%`;
    rows.push(`| \`${r.file}\` | ${r.total} | ${r.ignored} | ${counted} | ${r.killed} | ${score} | ${r.seconds} s | ${r.commit.slice(0, 7)} |`);
    for (const m of open.filter(survived)) {
      survivors.push(
        `| \`${r.file}\`:${m.line} | ${m.mutator} | ${m.status} | \`${m.replacement.replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 100)}\` |`,
      );
    }
  }
  const total = countedAll === 0 ? '–' : `${((100 * killedAll) / countedAll).toFixed(1)}%`;
  const eq = EQUIVALENT_MUTANTS.map(
    (e) => `| \`${e.file}\`:${e.line} | \`${e.replacement.replace(/\s+/g, ' ').replace(/\|/g, '\\|')}\` | ${e.why.replace(/\|/g, '\\|')} |`,
  );
  return [
    '# Mutation testing of the claims',
    '',
    'Written by `npm run mutation` (scripts/mutation.ts): Stryker with its vitest runner mutates one claim file at a time and runs, for each mutant, ' +
      "the tests that cover it among the claim suites narrowed to that file's claims, or for a helper without claims to those of the files of src/claims that import it " +
      '(properties/claims.test.ts at 20 runs, each run compared with its record in fixtures/golden/seed-1/, properties/boundary.test.ts, properties/claimDeclarations.test.ts, properties/guardInstances.test.ts), ' +
      "properties/pinnedChecks.test.ts, the paper's tests in properties/papers/ and the tests next to the file. String literals (messages) are not mutated. " +
      'A mutant is killed when a test fails or times out; equivalent mutants (scripts/mutationEquivalent.ts) are set aside from the score. ' +
      "Each file's result is kept in fixtures/mutation/ with the commit it was measured at (the table's last column).",
    '',
    `**Score: ${total}** (${killedAll} killed of ${countedAll} counted mutants over ${all.length} file${all.length === 1 ? '' : 's'}; ` +
      `${unmeasured.length} of the ${all.length + unmeasured.length} files of src/claims not measured yet${unmeasured.length === 0 ? '' : ', listed below the table'}).`,
    '',
    '| file | mutants | ignored (static, `--ignore-static`) | counted | killed | score | time | commit |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
    '',
    ...(unmeasured.length === 0 ? [] : ['Not measured yet (no stored result): ' + unmeasured.map((f) => `\`${f}\``).join(', ') + '.', '']),
    '## Surviving mutants',
    '',
    survivors.length === 0 ? 'None.' : ['| where | mutator | status | replacement |', '|---|---|---|---|', ...survivors].join('\n'),
    '',
    '## Equivalent mutants',
    '',
    eq.length === 0 ? 'None listed.' : ['| where | replacement | why it cannot change a verdict |', '|---|---|---|', ...eq].join('\n'),
    '',
  ].join('\n');
}

mkdirSync(state, { recursive: true });
mkdirSync(results, { recursive: true });
const argv = process.argv.slice(2);
const ignoreStatic = argv.includes('--ignore-static');
const force = argv.includes('--force');
const named = argv.filter((a) => !a.startsWith('--'));
const files = named.length > 0 ? named.map((f) => relative(root, join(process.cwd(), f))) : claimTree();
function writeReport(): void {
  const all = readdirSync(results)
    .filter((f) => f.endsWith('.result.json'))
    .map((f) => JSON.parse(readFileSync(join(results, f), 'utf8')) as FileResult)
    .filter((x) => existsSync(join(root, x.file)))
    .sort((a, b) => a.file.localeCompare(b.file));
  const measured = new Set(all.map((r) => r.file));
  writeFileSync(
    join(root, 'docs/mutation.md'),
    markdown(
      all,
      claimTree().filter((f) => !measured.has(f)),
    ),
  );
}

// `--report`: rewrite docs/mutation.md from the stored results (e.g. after editing scripts/mutationEquivalent.ts), mutating nothing.
if (argv.includes('--report')) {
  writeReport();
} else {
  for (const file of files) {
    const r = await mutate(file, ignoreStatic, force);
    writeFileSync(join(results, `${file.replace(/[/.]/g, '_')}.result.json`), `${JSON.stringify(r, null, 1)}\n`);
    writeReport();
    console.log(`${file}: ${r.total} mutants in ${r.seconds} s; docs/mutation.md updated`);
  }
}
