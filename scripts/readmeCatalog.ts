/**
 * `npm run catalog`: checks the whole catalog with the default budget (as `npm start` does) and
 * rewrites the README's catalog tables, between the `catalog:start` / `catalog:end` markers, with
 * `eoscheck list --markdown` and the verdicts of that run. The README is replaced atomically.
 */
import { join } from 'node:path';
import { CATALOG_GROUPS, BUILTIN_CLAIMS, selectClaims } from '../src/claims/registry.js';
import { catalogMarkdown } from '../src/harness/catalogMarkdown.js';
import { runCheck } from '../src/harness/runCheck.js';
import { writeReadmeSection } from './readmeSection.js';

const root = join(import.meta.dirname, '..');
const readme = join(root, 'README.md');
const START = '<!-- catalog:start (npm run catalog) -->';
const END = '<!-- catalog:end -->';

// The default catalog, as `npm start` runs it: opt-in claims are listed with how to run them.
const { report } = await runCheck(selectClaims(BUILTIN_CLAIMS, []), { seed: 1, runs: 100, fixturesDir: join(root, 'fixtures/counterexamples') });
writeReadmeSection(readme, START, END, catalogMarkdown(CATALOG_GROUPS, report));
const bad = report.claims.filter((r) => r.verdict !== 'holds');
console.log(`README catalog: ${report.claims.length} claims, ${bad.length} not holding${bad.length > 0 ? `: ${bad.map((r) => r.id).join(', ')}` : ''}`);
