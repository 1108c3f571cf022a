import { formatPrecision } from '../../numerics/precision.js';
import { inspectPoint, type PointReport } from '../../spectral/inspectPoint.js';
import { modelFromOptions } from '../modelFromOptions.js';
import { optFlag, type ParsedArgs } from '../parseArgs.js';
import type { Out } from '../run.js';

/** A field value as JSON: a number in f64 (null if not finite), decimal text at higher precision. */
function jsonValue<T>(r: PointReport<T>, x: T): number | string | null {
  if (r.F.precision.kind === 'f64') {
    const n = x as unknown as number;
    return Number.isFinite(n) ? n : null;
  }
  return r.F.toString(x);
}

export function inspectJson<T>(r: PointReport<T>): Record<string, unknown> {
  const v = (x: T) => jsonValue(r, x);
  return {
    model: r.model.id,
    dim: r.model.dim,
    theta: r.theta.map(v),
    precision: formatPrecision(r.F.precision),
    loss: v(r.loss),
    grad: r.grad.map(v),
    hessian: r.hessian.map((row) => row.map(v)),
    eigenvalues: r.eigenvalues.map(v),
    eigenvectors: r.eigenvectors.map((row) => row.map(v)),
    sharpness: v(r.sharpness),
    sharpnessGradient: r.sharpnessGradient === null ? null : r.sharpnessGradient.map(v),
    thetaNames: r.model.thetaNames,
    params: r.model.params,
    lossStar: r.model.lossStar ?? null,
    eigengap: Number.isFinite(r.gap) ? r.gap : null,
    warnings: r.warnings,
  };
}

/** The GD stability limit 2/S on η, when S > 0 (otherwise no step size is unstable along the top direction). */
function stabilityLimit(S: number): string {
  const limit = 2 / S;
  return S > 0 && Number.isFinite(limit)
    ? `(2/S = ${limit.toPrecision(6)} is the GD stability limit on η)`
    : '(S ≤ 0: no GD stability limit on η from the top eigenvalue)';
}

function human<T>(r: PointReport<T>): string {
  const s = (x: T) => r.F.toString(x);
  const vec = (xs: T[]) => `[${xs.map(s).join(', ')}]`;
  const lines = [
    `model      ${r.model.id} (dim ${r.model.dim}: ${r.model.thetaNames.join(', ')})`,
    `precision  ${formatPrecision(r.F.precision)}`,
    `theta      ${vec(r.theta)}`,
    `loss       ${s(r.loss)}${r.model.lossStar !== undefined ? `   (L* = ${r.model.lossStar})` : ''}`,
    `grad       ${vec(r.grad)}`,
    'hessian',
    ...r.hessian.map((row) => `  ${vec(row)}`),
    `eigenvalues ${vec(r.eigenvalues)}`,
    `sharpness  ${s(r.sharpness)}   ${stabilityLimit(r.F.toNumber(r.sharpness))}`,
    `top eigenvector ${vec(r.eigenvectors[0])}`,
    `grad S     ${r.sharpnessGradient === null ? 'undefined' : vec(r.sharpnessGradient)}`,
    ...r.warnings.map((w) => `warning: ${w}`),
  ];
  return lines.join('\n') + '\n';
}

export function inspectCommand(args: ParsedArgs, out: Out): number {
  const { model, theta, precision } = modelFromOptions(args);
  const r = inspectPoint(model, theta, precision);
  out.write(optFlag(args, 'json') ? JSON.stringify(inspectJson(r)) + '\n' : human(r));
  return 0;
}
