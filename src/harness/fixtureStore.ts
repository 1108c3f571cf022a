import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from '../errors.js';
import { makeDirs } from './makeDirs.js';
import { parsePrecision } from '../numerics/precision.js';
import { canonicalJson, instanceHash } from './canonicalJson.js';
import { VERDICT_KINDS, type Fixture } from './fixture.js';
import { instanceShapeError } from './checkInstanceShape.js';
import { readTextFile } from './readTextFile.js';

let tmpCounter = 0;

/**
 * The directory of one claim's fixtures, `<dir>/<claim-id>`. The id becomes one path component, so
 * it is checked here, where the path is built, and not only where claims are defined: a claim object
 * made by hand could carry `../elsewhere`, and the store must never write outside `dir`.
 */
export function claimDirOf(dir: string, claimId: string): string {
  if (typeof claimId !== 'string' || claimId === '' || claimId === '.' || claimId === '..' || claimId.startsWith('.') || /[/\\\0]/.test(claimId)) {
    throw new UsageError(`claim id ${JSON.stringify(claimId)} cannot name a fixture directory (it must be one path component, not starting with a dot)`);
  }
  return join(dir, claimId);
}

/**
 * Writes a fixture atomically: the text goes to a temporary file in the same directory, which is
 * then renamed onto the final name (rename within a directory is atomic on POSIX), so a reader, or
 * a process killed mid-write, never sees half a fixture. An existing fixture of the same instance
 * is kept as is (its createdAt and any hand-written `why` survive); returns the path either way.
 */
export function writeFixture(dir: string, fixture: Fixture): { file: string; created: boolean } {
  const claimDir = claimDirOf(dir, fixture.claim);
  const file = join(claimDir, `${instanceHash(fixture.instance)}.json`);
  if (existsSync(file)) return { file, created: false };
  makeDirs(claimDir);
  replaceFixture(file, fixture);
  return { file, created: true };
}

/** Writes `fixture` over `file` atomically (temporary file in the same directory, then rename): `check --update-fixtures`. */
export function replaceFixture(file: string, fixture: Fixture): void {
  const tmp = join(dirname(file), `.${process.pid}.${tmpCounter++}.tmp`);
  try {
    writeFileSync(tmp, JSON.stringify(fixture, null, 2) + '\n');
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** The fixture files of one claim in `dir`, sorted by name (temporary files skipped); none if absent. */
export function listFixtures(dir: string, claimId: string): string[] {
  const claimDir = claimDirOf(dir, claimId);
  if (!existsSync(claimDir)) return [];
  return readdirSync(claimDir)
    .filter((f) => f.endsWith('.json') && !f.startsWith('.'))
    .sort()
    .map((f) => join(claimDir, f));
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isEvidenceNumber = (x: unknown) => typeof x === 'number' || (typeof x === 'string' && /^(NaN|-?Infinity|[-+0-9.eE]+)$/.test(x)) || x === null;

/**
 * Reads and validates a fixture; anything malformed is a UsageError naming the file and the field
 * (so the CLI prints one line and exits 2). `option` is the CLI option the file came from.
 */
export function readFixture(file: string, option?: string): Fixture {
  const bad = (rule: string): never => {
    throw new UsageError(`${file}: not a counterexample fixture: ${rule}`, option);
  };
  const text = readTextFile(file, option);
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch (e) {
    return bad(`invalid JSON (${(e as Error).message})`);
  }
  if (!isObject(j)) return bad('the top level must be an object');
  if (typeof j.claim !== 'string' || j.claim === '') bad('"claim" must be a claim id');
  if (typeof j.version !== 'string') bad('"version" must be a string');
  if (!isObject(j.instance)) bad('"instance" must be an object');
  const inst = j.instance as Record<string, unknown>;
  if (typeof inst.model !== 'string') bad('"instance.model" must be a model id');
  try {
    canonicalJson(inst, 'instance');
  } catch (e) {
    bad((e as Error).message);
  }
  const shape = instanceShapeError(inst);
  if (shape !== undefined) bad(shape);
  if (!VERDICT_KINDS.includes(j.verdict as never)) bad(`"verdict" must be one of ${VERDICT_KINDS.join(', ')}`);
  if (j.expected !== undefined && !VERDICT_KINDS.includes(j.expected as never)) bad(`"expected" must be one of ${VERDICT_KINDS.join(', ')}`);
  if (typeof j.precision !== 'string') bad('"precision" must be f64, dec:N or interval:N');
  try {
    parsePrecision(j.precision as string);
  } catch {
    bad(`"precision" is "${String(j.precision)}", not f64, dec:N or interval:N`);
  }
  for (const k of ['observed', 'bound', 'margin']) if (!isEvidenceNumber(j[k])) bad(`"${k}" must be a number`);
  if (j.seed !== null && !Number.isInteger(j.seed)) bad('"seed" must be an integer or null');
  if (j.path !== null && typeof j.path !== 'string') bad('"path" must be a string or null');
  if (!Number.isInteger(j.shrinks) || (j.shrinks as number) < 0) bad('"shrinks" must be a whole number');
  if (typeof j.createdAt !== 'string') bad('"createdAt" must be an ISO date');
  if (j.certificate !== undefined) {
    const c = j.certificate as Record<string, unknown> | null;
    const m = isObject(c) ? c.margin : undefined;
    if (
      !isObject(c) ||
      typeof c.precision !== 'string' ||
      !/^interval:\d+$/.test(c.precision) ||
      !isObject(m) ||
      typeof m.lo !== 'number' ||
      typeof m.hi !== 'number' ||
      !(m.lo <= m.hi)
    ) {
      bad('"certificate" must be { precision: "interval:N", margin: { lo, hi } } with lo ≤ hi');
    }
  }
  return j as unknown as Fixture;
}
