import type { EquivalentMutant } from './mutationEquivalent.js';

/** Equivalent mutants of the helpers shared by the claims (src/claims/*.ts), with the reason none of them can change a verdict. */
export const SHARED_EQUIVALENT_MUTANTS: readonly EquivalentMutant[] = [
  {
    file: 'src/claims/orderStatistic.ts',
    line: 22,
    replacement: 'xs.some(x => x instanceof Interval)',
    why: 'a field gives values of one kind: all of xs are intervals (interval:N) or none are (f64, dec:N), so `some` and `every` agree on every input a check can pass',
  },
  ...([11, 12, 14] as const).map((line) => ({
    file: 'src/claims/instanceModel.ts',
    line,
    replacement: 'true',
    why: 'passes an undefined field (data, expr, dim) instead of leaving it out: ModelDef.create reads each with `=== undefined` (models/params.ts, checkInputFinite.ts), so the two are the same input',
  })),
  {
    file: 'src/claims/registry.ts',
    line: 101,
    replacement: 'true',
    why: 'the opt-in list drops its `c.optIn !== undefined`: it is read only when no plain claim matches the prefix, and then every claim under the prefix is opt-in, so the list is the same',
  },
  {
    file: 'src/claims/defineClaim.ts',
    line: 25,
    replacement: 'true',
    why: "`typeof x === 'number'` before `Number.isFinite(x)`: Number.isFinite is false for every non-number (it does not coerce), so the tolerance check rejects the same values without it",
  },
  ...(
    [
      [45, 'citation'],
      [53, 'negativeControl'],
      [57, 'tolerance'],
    ] as const
  ).map(([line, field]) => ({
    file: 'src/claims/defineClaim.ts',
    line,
    replacement: 'false',
    why: `\`${field} === undefined\` dropped from the test of a missing ${field}: \`typeof undefined\` is 'undefined', so the \`typeof … !== 'object'\` beside it rejects an undefined ${field} with the same message (the survivor is this one: its null and typeof siblings are killed by src/claims/defineClaim.test.ts)`,
  })),
];
