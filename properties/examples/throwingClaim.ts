/**
 * A claim whose check has a bug (it reads a field the instance does not have and throws a
 * TypeError), as a user might write one. The harness must report an `error` with the stack (exit
 * 3 from `check`), never a violation of the paper: nothing shrunk, no fixture written.
 */
import fc from 'fast-check';
import { defineClaim, type Instance } from '../../src/claims/index.js';

interface ScalarInstance extends Instance {
  readonly model: 'quadratic';
  readonly theta: readonly string[];
}

export const buggyCheck = defineClaim<ScalarInstance>({
  id: 'example.buggy-check',
  title: 'A claim whose check throws a TypeError',
  citation: { paper: 'none: a check with a bug', where: 'eoscheck acceptance example' },
  statement: 'Any statement: the check never gets to test it.',
  kind: 'forall',
  hypotheses: [],
  arbitrary: fc.integer({ min: 1, max: 9 }).map((k): ScalarInstance => ({ model: 'quadratic', theta: [String(k)] })),
  check(instance, ctx) {
    // The bug: `data` is absent, so this reads a property of undefined.
    const A = (instance.data as unknown as { A: string[][] }).A;
    return ctx.holds({ code: 'ok', message: `A has ${A.length} rows`, observed: 0, bound: 0, margin: 1 });
  },
  negativeControl: { description: 'the same instances (the check throws on every one)', arbitrary: fc.constant({ model: 'quadratic', theta: ['1'] }) },
  tolerance: {},
  rationale: 'none needed: the check never compares anything',
});

export default buggyCheck;
