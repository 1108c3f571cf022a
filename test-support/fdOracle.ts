import type { Decimal } from 'decimal.js';
import type { DecimalText, Model } from '../src/models/model.js';
import { decimalField } from '../src/numerics/decimalField.js';

/**
 * An oracle for tests, independent of the models' closed-form derivatives and of the update-rule
 * code: a plain loop in decimal at `digits` digits (default 100) whose gradients are central finite
 * differences with step h (default 1e-45, so truncation ~h²·L''' ≈ 1e-90 and rounding
 * ~10^−digits/h ≈ 1e-55) of the loss (gd, ngd) or of √(L − L*) itself (sqrt-gd).
 * Returns θ_0..θ_steps.
 * @internal
 */
export function fdTrajectory(
  model: Model,
  rule: 'gd' | 'ngd' | 'sqrt-gd',
  theta0: readonly DecimalText[],
  lr: DecimalText,
  steps: number,
  options: { readonly digits?: number; readonly h?: DecimalText; readonly lstar?: DecimalText } = {},
): Decimal[][] {
  const D = decimalField(options.digits ?? 100);
  const L = model.bind(D).loss;
  const h = D.from(options.h ?? '1e-45');
  const twoH = D.add(h, h);
  const eta = D.from(lr);
  const lstarText = options.lstar ?? model.lossStar;
  const lstar = lstarText === undefined ? undefined : D.from(lstarText);
  const objective = rule === 'sqrt-gd' ? (t: Decimal[]) => D.sqrt(D.sub(L(t), lstar!)) : L;
  const fdGrad = (t: Decimal[]) =>
    t.map((_, i) => {
      const p = t.slice();
      const m = t.slice();
      p[i] = D.add(t[i], h);
      m[i] = D.sub(t[i], h);
      return D.div(D.sub(objective(p), objective(m)), twoH);
    });
  let theta = theta0.map((x) => D.from(x));
  const out = [theta];
  for (let k = 0; k < steps; k++) {
    if (rule === 'sqrt-gd' && D.sign(D.sub(L(theta), lstar!)) <= 0) {
      out.push(theta);
      continue;
    }
    const g = fdGrad(theta);
    let s = eta;
    if (rule === 'ngd') {
      const n = D.sqrt(g.reduce((acc, x) => D.add(acc, D.mul(x, x)), D.zero));
      if (D.sign(n) === 0) {
        out.push(theta);
        continue;
      }
      s = D.div(eta, n);
    }
    theta = theta.map((x, i) => D.sub(x, D.mul(s, g[i])));
    out.push(theta);
  }
  return out;
}
