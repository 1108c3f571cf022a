import { parsePrecision } from '../numerics/precision.js';
import type { Claim, ClaimDef, Instance } from './claim.js';
import { DEFAULT_BUDGET, DEFAULT_LADDER } from '../settings.js';

/** Marks objects built by defineClaim; a global symbol, so two copies of the package agree. */
const BRAND = Symbol.for('eoscheck.claim');

/** Duck-typed, so an arbitrary from another copy of fast-check is accepted too. */
function isArbitrary(x: unknown): boolean {
  const a = x as { generate?: unknown; shrink?: unknown } | null;
  return typeof a === 'object' && a !== null && typeof a.generate === 'function' && typeof a.shrink === 'function';
}

const ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

function fail(id: string, field: string, rule: string): never {
  throw new TypeError(`[eoscheck] defineClaim(${JSON.stringify(id)}).${field} ${rule}`);
}

function text(def: Record<string, unknown>, id: string, field: string): void {
  if (typeof def[field] !== 'string' || (def[field] as string).trim() === '') fail(id, field, 'must be a non-empty string');
}

function nonNegative(id: string, field: string, x: unknown): void {
  if (x !== undefined && !(typeof x === 'number' && Number.isFinite(x) && x >= 0)) fail(id, field, 'must be a finite number ≥ 0');
}

/**
 * Declares a claim: validates every field (a bad field throws a TypeError naming it, fast-check
 * style) and fills in the defaults (ladder f64 → dec:40 → dec:80, budget 100 000 evaluations).
 *
 * @example
 * export default defineClaim({ id: 'my.claim', title: '…', citation: { paper: '…', where: 'Thm 1' },
 *   statement: '…', kind: 'forall', hypotheses: ['…'], arbitrary, check: (inst, ctx) => …,
 *   negativeControl: { description: '…', arbitrary: badArbitrary }, tolerance: { ulps: 64 }, rationale: '…' });
 */
export function defineClaim<I extends Instance>(def: ClaimDef<I>): Claim<I> {
  const raw = def as unknown as Record<string, unknown>;
  const id = typeof raw.id === 'string' ? raw.id : '?';
  if (typeof raw.id !== 'string' || !ID.test(raw.id)) {
    fail(id, 'id', 'must be lower-case words joined by "." or "-", e.g. "classical.descent-lemma"');
  }
  for (const f of ['title', 'statement', 'rationale']) text(raw, id, f);
  const c = def.citation as unknown as Record<string, unknown> | undefined;
  if (c === undefined || c === null || typeof c !== 'object') fail(id, 'citation', 'must be { paper, where, recalled? }');
  if (typeof c.paper !== 'string' || c.paper === '') fail(id, 'citation.paper', 'must be a non-empty string');
  if (typeof c.where !== 'string' || c.where === '') fail(id, 'citation.where', 'must name a theorem, equation or section');
  if (!['identity', 'forall', 'statistical'].includes(def.kind)) fail(id, 'kind', "must be 'identity', 'forall' or 'statistical'");
  if (!Array.isArray(def.hypotheses) || !def.hypotheses.every((h) => typeof h === 'string')) fail(id, 'hypotheses', 'must be an array of strings');
  if (!isArbitrary(def.arbitrary)) fail(id, 'arbitrary', 'must be a fast-check arbitrary');
  if (typeof def.check !== 'function') fail(id, 'check', 'must be a function (instance, ctx) => outcome');
  const nc = def.negativeControl as unknown as Record<string, unknown> | undefined;
  if (nc === undefined || nc === null || typeof nc !== 'object') fail(id, 'negativeControl', 'is required: { description, arbitrary }');
  if (typeof nc.description !== 'string' || nc.description === '') fail(id, 'negativeControl.description', 'must be a non-empty string');
  if (!isArbitrary(nc.arbitrary)) fail(id, 'negativeControl.arbitrary', 'must be a fast-check arbitrary');
  const t = def.tolerance as unknown as Record<string, unknown> | undefined;
  if (t === undefined || t === null || typeof t !== 'object') fail(id, 'tolerance', 'must be { ulps?, rel?, abs? }');
  nonNegative(id, 'tolerance.ulps', t.ulps);
  nonNegative(id, 'tolerance.rel', t.rel);
  nonNegative(id, 'tolerance.abs', t.abs);
  if (def.minHoldFraction !== undefined && !(def.minHoldFraction > 0 && def.minHoldFraction <= 1)) {
    fail(id, 'minHoldFraction', 'must be in (0, 1]');
  }
  const ladder = def.ladder ?? DEFAULT_LADDER;
  if (!Array.isArray(ladder) || ladder.length === 0) fail(id, 'ladder', 'must be a non-empty array of precisions');
  for (const p of ladder) {
    try {
      parsePrecision(p);
    } catch {
      fail(id, 'ladder', `has "${p}", not a precision (f64, dec:N or interval:N)`);
    }
  }
  if (def.notCertifiable !== undefined && !(typeof def.notCertifiable === 'string' && def.notCertifiable.trim() !== ''))
    fail(id, 'notCertifiable', 'must be a non-empty reason');
  if (def.optIn !== undefined && !(typeof def.optIn === 'string' && def.optIn.trim() !== '')) fail(id, 'optIn', 'must be a non-empty reason');
  if (def.runs !== undefined && !(Number.isInteger(def.runs) && def.runs > 0)) fail(id, 'runs', 'must be a positive whole number of instances');
  const budget = def.budget ?? DEFAULT_BUDGET;
  if (!(Number.isInteger(budget) && budget > 0)) fail(id, 'budget', 'must be a positive whole number of model evaluations');
  const status = def.status ?? `${def.kind}${def.citation.recalled === true ? ', recalled [R]' : ''}`;
  const claim: Claim<I> = { ...def, ladder: Object.freeze([...ladder]), budget, status };
  Object.defineProperty(claim, BRAND, { value: true, enumerable: false });
  return Object.freeze(claim);
}

/** True for objects made by defineClaim (in this or another copy of the package). */
export function isClaim(x: unknown): x is Claim {
  return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[BRAND] === true;
}
