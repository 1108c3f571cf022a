import { f64 } from '../numerics/f64Field.js';
import type { Field, Mat, Vec } from '../numerics/field.js';
import type { ClosedFormsF64 } from './closedFormsF64.js';
import type { KernelsF64 } from './kernelsF64.js';

/** A number as the user wrote it; it keeps its decimal meaning at every precision. */
export type DecimalText = string;

/** Data read from `--data FILE.json`: JSON whose numbers are kept as their literal text. */
export type ExactJson = DecimalText | boolean | null | ExactJson[] | { [key: string]: ExactJson };

/** What a user gives to build a model instance (from the CLI, a fixture, or code). */
export interface ModelInput {
  /** `--param key=value`, values as written. */
  readonly params?: Readonly<Record<string, string>>;
  /** `--data FILE.json`, parsed with numbers kept as text (see parseExactJson). */
  readonly data?: ExactJson;
  /** `--expr` and `--vars` for the `expr` model. */
  readonly expr?: string;
  readonly vars?: readonly string[];
  /**
   * Length of θ when the model's size is set by θ itself (deep-scalar depth, uv width, ...).
   * Models whose size comes from data check that it matches.
   */
  readonly dim?: number;
}

/** The minimizers of a model, where they are known in closed form. */
export interface Manifold {
  /** A sentence, e.g. "uᵀv/√m = y (codimension 1)". */
  readonly description: string;
  /** A defining residual that vanishes exactly on the manifold. */
  residual<T>(F: Field<T>, theta: Vec<T>): T;
}

/** The closed-form derivatives of a model in one field, with its constants converted once. */
export interface BoundModel<T> {
  readonly F: Field<T>;
  loss(theta: Vec<T>): T;
  grad(theta: Vec<T>): Vec<T>;
  hessian(theta: Vec<T>): Mat<T>;
  /** Hessian-vector product ∇²L(θ)v. */
  hvp(theta: Vec<T>, v: Vec<T>): Vec<T>;
  /** Third-derivative action ∇³L(θ)[u,u]: entry i is Σ_jk ∂_ijk L u_j u_k (= ∇S for a simple top eigenvalue). */
  third(theta: Vec<T>, u: Vec<T>): Vec<T>;
  /** Minimum loss L*, when known. */
  readonly lossStar: T | undefined;
  /**
   * Optional float64 kernels (loss and gradient over Float64Array, see KernelsF64), on the f64
   * binding only: the f64 fast path of runTrajectory calls them when present, else it wraps this
   * binding's loss and grad.
   */
  kernelsF64?(): KernelsF64;
}

/** A model instance: a fixed objective on R^dim. */
export interface Model {
  readonly id: string;
  readonly dim: number;
  /** Names of θ's coordinates, in `--theta` order (e.g. u1..um, v1..vm). */
  readonly thetaNames: readonly string[];
  /** Minimum loss as exact decimal text, when known. */
  readonly lossStar: DecimalText | undefined;
  readonly manifold: Manifold | undefined;
  /** The parameters in effect (defaults filled in), as decimal text: what a fixture records. */
  readonly params: Readonly<Record<string, string>>;
  bind<T>(F: Field<T>): BoundModel<T>;
}

/** Documentation of one `--param`. */
export interface ParamSpec {
  readonly name: string;
  readonly description: string;
  readonly default?: string;
  /** Allowed values for an enumerated parameter. */
  readonly values?: readonly string[];
}

/** A model family: its public id, its documentation and its validated constructor. */
export interface ModelDef {
  readonly id: string;
  readonly title: string;
  /** The objective in plain text, e.g. "½(∏ᵢθᵢ − y)²". */
  readonly objective: string;
  /** θ's layout in `--theta` order, as in the architecture's model table. */
  readonly thetaLayout: string;
  readonly params: readonly ParamSpec[];
  /** Shape of `--data`, when the model takes data. */
  readonly data?: string;
  /** Builds an instance; bad input throws a UsageError naming the option (`--param`, `--data`, ...). */
  create(input: ModelInput): Model;
}

/**
 * The field-specific part of a model: a function of the field that returns the closed forms with
 * the model's constants already converted (so a hot loop never re-parses data).
 */
/** What a ModelImpl binds: a BoundModel's derivatives, the HVP optional (dense from the Hessian when absent). */
export type ImplBinding<T> = Omit<BoundModel<T>, 'F' | 'lossStar' | 'hvp'> & { hvp?(theta: Vec<T>, v: Vec<T>): Vec<T> };

export interface ModelImpl {
  readonly id: string;
  readonly dim: number;
  readonly thetaNames: readonly string[];
  readonly lossStar?: DecimalText;
  readonly manifold?: Manifold;
  readonly params?: Readonly<Record<string, string>>;
  bind<T>(F: Field<T>): ImplBinding<T>;
  /** Builds the optional float64 kernels (called once, on first use; BoundModel.kernelsF64 of the f64 binding). */
  kernelsF64?(): KernelsF64;
  /**
   * Builds the optional float64 closed forms on typed arrays (called once, on first use): when
   * given, they are the f64 binding's derivatives, in place of `bind(f64)`'s, and its kernels, in
   * place of `kernelsF64`. They must be bit-identical to `bind` at f64 (the models test it).
   */
  closedFormsF64?(): ClosedFormsF64;
}

/** Dense HVP from the Hessian: fine for the small analytic models. */
function denseHvp<T>(F: Field<T>, H: Mat<T>, v: Vec<T>): Vec<T> {
  return H.map((row) => {
    let s = F.zero;
    for (let j = 0; j < row.length; j++) s = F.add(s, F.mul(row[j], v[j]));
    return s;
  });
}

/**
 * Loss and gradient of the f64 binding through the model's float64 kernels: they perform the
 * closed forms' operations in the same order (bit-identical, tested against the generic binding
 * in a copy of f64), without the Field indirection, for the loops that call a model directly.
 */
function kernelRoutes(dim: number, kernels: () => KernelsF64, generic: Pick<BoundModel<number>, 'loss' | 'grad'>): Pick<BoundModel<number>, 'loss' | 'grad'> {
  const out = new Float64Array(dim);
  // A θ of the wrong length keeps the closed forms' own behaviour.
  return {
    loss: (t) => (t.length === dim ? kernels().lossF64(Float64Array.from(t)) : generic.loss(t)),
    grad(t) {
      if (t.length !== dim) return generic.grad(t);
      kernels().gradF64(Float64Array.from(t), out);
      const g: number[] = [];
      for (let i = 0; i < out.length; i++) g.push(out[i]);
      return g;
    },
  };
}

/** The derivatives of a ClosedFormsF64 as the f64 binding's (T is number there: the f64 field's values are doubles). */
function closedFormsBinding<T>(c: ClosedFormsF64): ImplBinding<T> {
  const { loss, grad, hvp, third, hessian } = c;
  return { loss, grad, hvp, third, hessian } as unknown as ImplBinding<T>;
}

/** Wraps a ModelImpl into a Model whose bindings are cached per field. */
export function makeModel(impl: ModelImpl): Model {
  const cache = new Map<Field<unknown>, BoundModel<unknown>>();
  let twin: ClosedFormsF64 | undefined;
  const makeTwin = impl.closedFormsF64;
  const closedForms = makeTwin === undefined ? undefined : () => (twin ??= makeTwin());
  const makeKernels = closedForms === undefined ? impl.kernelsF64 : () => closedForms().kernels();
  let kernels: KernelsF64 | undefined;
  return Object.freeze({
    id: impl.id,
    dim: impl.dim,
    thetaNames: Object.freeze([...impl.thetaNames]),
    lossStar: impl.lossStar,
    manifold: impl.manifold,
    params: Object.freeze({ ...(impl.params ?? {}) }),
    bind<T>(F: Field<T>): BoundModel<T> {
      const hit = cache.get(F as Field<unknown>);
      if (hit !== undefined) return hit as BoundModel<T>;
      const b = closedForms !== undefined && (F as Field<unknown>) === f64 ? closedFormsBinding<T>(closedForms()) : impl.bind(F);
      const viaKernels =
        makeKernels !== undefined && (F as Field<unknown>) === f64
          ? kernelRoutes(impl.dim, () => (kernels ??= makeKernels()), b as unknown as Pick<BoundModel<number>, 'loss' | 'grad'>)
          : undefined;
      const bound: BoundModel<T> = Object.freeze({
        F,
        loss: (viaKernels?.loss as BoundModel<T>['loss'] | undefined) ?? b.loss,
        grad: (viaKernels?.grad as BoundModel<T>['grad'] | undefined) ?? b.grad,
        hessian: b.hessian,
        third: b.third,
        hvp: b.hvp ?? ((theta: Vec<T>, v: Vec<T>) => denseHvp(F, b.hessian(theta), v)),
        lossStar: impl.lossStar === undefined ? undefined : F.from(impl.lossStar),
        ...(makeKernels !== undefined && (F as Field<unknown>) === f64 ? { kernelsF64: (): KernelsF64 => (kernels ??= makeKernels()) } : {}),
      });
      cache.set(F as Field<unknown>, bound as BoundModel<unknown>);
      return bound;
    },
  });
}
