/**
 * The files `eoscheck init` writes: a starter claims file (a true claim, commented line by line)
 * and a CI workflow that gates on the exit codes and keeps the JUnit and HTML reports.
 */

/** Where the starter claims file goes, relative to the working directory. */
export const STARTER_CLAIMS_FILE = 'my-claims.ts';

/** Where the CI workflow example goes (GitHub Actions reads workflows from this folder). */
export const CI_WORKFLOW_FILE = '.github/workflows/eoscheck.yml';

export const STARTER_CLAIMS = `/**
 * Claims checked by eoscheck:   npx eoscheck check --claims ./my-claims.ts
 * Negative controls:            npx eoscheck check --claims ./my-claims.ts --controls
 * The claim API (instances, the check context, margins, tolerances, controls, kinds) is described
 * in node_modules/eoscheck/docs/claim-api.md.
 *
 * A claim is a statement checked on many generated instances. This one: a gradient-descent step
 * on L(θ) = ½aθ² (a > 0) never raises the loss when the step size η satisfies η·a < 2.
 */
import { decimalText, defineClaim, fc, type CheckContext, type Instance, type Outcome } from 'eoscheck';

/** The threshold the claim states: with η·a below it, a step does not raise the loss. */
const EDGE = 2;

/**
 * An instance is plain JSON: a model (\`npx eoscheck models\` lists them), its data and the point θ,
 * plus whatever the claim needs (here the step size). Real numbers are decimal text, so an
 * instance means the same at every precision and a stored counterexample replays exactly.
 */
interface StepInstance extends Instance {
  readonly model: 'quadratic';
  readonly data: { readonly A: readonly (readonly string[])[] };
  readonly theta: readonly string[];
  readonly lr: string;
}

/** Instances with 0 < η·a < below. fast-check generates them and shrinks a failure toward small numbers. */
function steps(below: number): fc.Arbitrary<StepInstance> {
  return decimalText(0.1, 1, 2).chain((lr) =>
    fc.record({ a: decimalText(0.01, below / Number(lr) - 0.001, 2), theta: decimalText(-5, 5, 2) })
      .map(({ a, theta }): StepInstance => ({ model: 'quadratic', data: { A: [[a]] }, theta: [theta], lr })));
}

/** The check runs once per precision of the ladder (f64, then 40 and 80 digits if f64 fails). */
function stepDoesNotRaiseLoss<T>(instance: StepInstance, ctx: CheckContext<T>): Outcome {
  // F is the arithmetic of this precision; ctx.model builds the instance's model in it (every
  // loss, gradient or Hessian call counts against the claim's budget of model evaluations).
  const { F } = ctx;
  const { model, theta } = ctx.model(instance);
  const eta = F.from(instance.lr);
  const kappa = F.mul(eta, F.from(instance.data.A[0][0]));
  // A hypothesis: when it fails, the instance is inconclusive (not a counterexample). In the
  // negative control it is ignored, so the check runs where the claim must fail.
  ctx.assume(F.lt(kappa, F.from(EDGE)), 'kappa_out_of_range', 'η·a = ' + F.toString(kappa) + ' is not below ' + EDGE);
  const g = model.grad(theta);
  const before = model.loss(theta);
  const after = model.loss(theta.map((x, i) => F.sub(x, F.mul(eta, g[i]))));
  // The claim's tolerance at this precision: rounding alone must not count as a violation.
  const slack = F.add(F.mul(F.from(ctx.tol.rel), F.abs(before)), F.from(ctx.tol.abs));
  // The margin: ≥ 0 exactly when the claim held, smaller = closer to a violation (hunt minimises it).
  // Kept in the field and reported through ctx.margin, so that a failure re-run in interval
  // arithmetic gets an enclosure of it: a violation is reported only once that enclosure is below 0.
  const margin = F.sub(F.add(before, slack), after);
  const evidence = { observed: F.toNumber(after), bound: F.toNumber(before), ...ctx.margin(margin), details: { kappa: F.toString(kappa) } };
  const text = 'L went from ' + F.toString(before) + ' to ' + F.toString(after) + ' (η·a = ' + F.toString(kappa) + ')';
  return F.sign(margin) < 0
    ? ctx.violated({ ...evidence, code: 'loss_increased', message: text })
    : ctx.holds({ ...evidence, code: 'loss_not_increased', message: text });
}

export const oneStepBelowEdge = defineClaim<StepInstance>({
  // A stable id: lower-case words joined by "." or "-". \`npx eoscheck check ID\` runs it alone.
  id: 'my.quadratic.one-step-below-edge',
  title: 'A GD step on ½aθ² does not raise the loss when η·a < ' + EDGE,
  citation: { paper: 'a classical fact about gradient descent', where: 'GD on a one-dimensional quadratic' },
  statement: 'For L(θ) = ½aθ² with a > 0 and 0 < η·a < ' + EDGE + ': L(θ − ηL′(θ)) ≤ L(θ).',
  // 'identity' (equal up to rounding), 'forall' (an inequality on every instance) or
  // 'statistical' (holds on a fraction minHoldFraction of the instances).
  kind: 'forall',
  hypotheses: ['a > 0', '0 < η·a < ' + EDGE],
  arbitrary: steps(EDGE),
  check: stepDoesNotRaiseLoss,
  // Instances on which the check MUST report a violation: proof that it can fail at all.
  negativeControl: {
    description: 'η·a just above the threshold and θ ≠ 0: the step raises the loss',
    arbitrary: fc.record({ a: decimalText(EDGE + 0.01, EDGE + 0.99, 2), theta: decimalText(0.5, 5, 2) })
      .map(({ a, theta }): StepInstance => ({ model: 'quadratic', data: { A: [[a]] }, theta: [theta], lr: '1' })),
  },
  // 64 units of roundoff of the precision in use (relative 7e-15 in f64, 3e-38 at 40 digits).
  tolerance: { ulps: 64 },
  rationale: 'two losses of a few rounded operations each; 64 units of roundoff cover them at every precision',
});
`;

export const CI_WORKFLOW = `# Checks the claims on every push and pull request (written by \`eoscheck init\`).
# eoscheck's exit codes: 0 every claim holds, 1 a claim is violated (the counterexample is in the
# report and in fixtures/counterexamples/), 2 bad usage or input, 3 an internal error.
name: claims
on: [push, pull_request]
jobs:
  eoscheck:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 22
      - run: npm ci
      - name: Type-check the claims
        run: npx -p typescript tsc --noEmit --strict --module nodenext --moduleResolution nodenext --target es2022 my-claims.ts
      - name: Negative controls (each claim's check must be able to fail)
        run: npx eoscheck check --claims ./my-claims.ts --controls
      - name: Check the claims
        run: |
          mkdir -p eoscheck-out
          set +e
          npx eoscheck check --claims ./my-claims.ts --seed 1 \\
            --junit eoscheck-out/junit.xml --json eoscheck-out/results.json --report eoscheck-out/report
          code=$?
          case $code in
            0) ;;
            1) echo "::error::a claim is violated: see the eoscheck report artifact" ;;
            2) echo "::error::eoscheck was called with bad options or input" ;;
            *) echo "::error::eoscheck failed with exit code $code" ;;
          esac
          exit $code
      - name: Upload the JUnit and HTML reports
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: eoscheck-report
          path: |
            eoscheck-out/
            fixtures/counterexamples/
          if-no-files-found: ignore
`;
