import { UsageError } from '../errors.js';
import type { Field, Mat, Vec } from '../numerics/field.js';
import { defineModel } from './defineModel.js';
import type { ModelDef } from './model.js';
import {
  asAny,
  asMath,
  type AnyNode,
  type BigNum,
  CONSTANTS,
  constNode,
  constValue,
  ctors,
  DERIVATIVE_FUNCTIONS,
  fnName,
  FUNCTIONS,
  math,
  opNode,
  OPERATORS,
  RESERVED,
} from './_internals/exprNodes.js';
import { checkFormulaText, checkTree } from './_internals/exprLimits.js';
import { buildTape, compileTape, type Tape } from './_internals/exprTape.js';

/**
 * The `expr` model: a user formula in mathjs syntax, differentiated symbolically by mathjs
 * (`derivative(…, { simplify: false })`, ecosystem.md §6) and evaluated in any Field by a small
 * compiler of our own (never by mathjs' `evaluate`, which computes in double).
 *
 * Safety: the formula is only parsed by mathjs, never evaluated by it. The parse tree is walked and
 * every node must be a number, a declared variable, pi or e, one of + − * / ^ (binary, unary − and +),
 * parentheses, or an elementary function of one argument from FUNCTIONS. Anything else (assignments,
 * function definitions, indexing, objects, matrices, strings, conditionals, comparisons, unknown
 * symbols or functions such as `import` or `evaluate`) is a UsageError naming `--expr`.
 *
 * Numbers keep their decimal meaning: mathjs parses with BigNumber constants, and a constant reaches
 * a field as its decimal text (`0.1` is one tenth in dec:50).
 */

/** Longest formula accepted: symbolic third derivatives of a huge formula would take minutes. */
const MAX_EXPR_LENGTH = 4000;
/** Third derivatives need p(p+1)(p+2)/6 symbolic entries. */
export const MAX_THIRD_VARS = 12;

// ─── validation ────────────────────────────────────────────────────────────────────────────────────

const NODE_WORDS: Record<string, string> = {
  AssignmentNode: 'assignments',
  FunctionAssignmentNode: 'function definitions',
  AccessorNode: 'property access and indexing',
  IndexNode: 'indexing',
  ObjectNode: 'objects',
  ArrayNode: 'matrices and arrays',
  ConditionalNode: 'conditionals (a ? b : c)',
  RangeNode: 'ranges',
  RelationalNode: 'comparisons',
  BlockNode: 'several statements',
};

function reject(what: string): never {
  throw new UsageError(`${what}; a formula may use numbers, its variables, pi, e, + - * / ^, parentheses and ${FUNCTIONS.join(', ')}`, 'expr');
}

/** Checks that every node is allowed; `vars` are the declared variable names. */
function validate(node: AnyNode, vars: ReadonlySet<string>): void {
  switch (node.type) {
    case 'ConstantNode': {
      const v = constValue(node);
      if (v === undefined) {
        reject(typeof node.value === 'string' ? `strings are not allowed ("${node.value}")` : `the constant ${String(node.value)} is not a number`);
      }
      if (!v.isFinite()) reject(`the constant ${v.toString()} is not finite`);
      return;
    }
    case 'SymbolNode': {
      const name = node.name ?? '';
      if (vars.has(name) || (CONSTANTS as readonly string[]).includes(name)) return;
      return reject(`unknown symbol "${name}" (variables: ${[...vars].join(', ')}; constants: ${CONSTANTS.join(', ')})`);
    }
    case 'ParenthesisNode':
      validate(node.content as AnyNode, vars);
      return;
    case 'OperatorNode': {
      const fn = String(node.fn);
      const args = node.args ?? [];
      if (!OPERATORS.has(fn)) reject(`the operator "${node.op}" (${fn}) is not allowed`);
      const unary = fn === 'unaryMinus' || fn === 'unaryPlus';
      if (unary ? args.length !== 1 : args.length < 2 || (args.length > 2 && fn !== 'add' && fn !== 'multiply')) {
        reject(`the operator "${node.op}" has ${args.length} operands`);
      }
      for (const a of args) validate(a, vars);
      return;
    }
    case 'FunctionNode': {
      const name = fnName(node);
      if (name === undefined) reject('only named functions may be called');
      if (!(FUNCTIONS as readonly string[]).includes(name) || vars.has(name)) reject(`unknown function "${name}"`);
      const args = node.args ?? [];
      if (args.length !== 1) reject(`${name} takes one argument, got ${args.length}`);
      validate(args[0], vars);
      return;
    }
    default:
      reject(`${NODE_WORDS[node.type] ?? node.type} are not allowed`);
  }
}

/** Checks `--vars`: names mathjs reads as one symbol, distinct, not a function, constant or keyword. */
function validateVars(vars: readonly string[] | undefined): string[] {
  if (vars === undefined || vars.length === 0) {
    throw new UsageError("the expr model needs its variables in θ order, e.g. ['x', 'y']", 'vars');
  }
  const seen = new Set<string>();
  return vars.map((raw) => {
    const v = raw.trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(v)) {
      throw new UsageError(`"${raw}" is not a variable name (letters, digits and _, starting with a letter or _)`, 'vars');
    }
    const taken = [...FUNCTIONS, ...DERIVATIVE_FUNCTIONS, ...CONSTANTS, ...RESERVED] as readonly string[];
    if (taken.includes(v)) throw new UsageError(`"${v}" is the name of a function, constant or keyword`, 'vars');
    let parsed: AnyNode;
    try {
      parsed = asAny(math().parse(v));
    } catch {
      throw new UsageError(`"${v}" is not a variable name`, 'vars');
    }
    if (parsed.type !== 'SymbolNode' || parsed.name !== v) throw new UsageError(`"${v}" is not a variable name`, 'vars');
    if (seen.has(v)) throw new UsageError(`"${v}" is given twice`, 'vars');
    seen.add(v);
    return v;
  });
}

// ─── exact normalization (no simplify: only rules that are identities on the reals) ─────────────

const SMALL_INT = 1e15;
const isSmallInt = (v: BigNum) => v.isInteger() && v.abs().lt(SMALL_INT);

/**
 * Removes parentheses, rewrites square/cube as powers, binarizes n-ary sums and products, and
 * applies exact identities: 0·a = 0, 1·a = a, a ± 0 = a, 0 − a = −a, 0/a = 0, a/1 = a, a¹ = a,
 * a⁰ = 1, −(−a) = a, +a = a, and folds +, −, · of small integer constants (so the exponent n − 1
 * of a differentiated power stays an integer constant). This keeps the trees of mathjs'
 * unsimplified derivatives small without changing their value (except at points where a
 * dropped factor would have been infinite or NaN).
 */
function normalize(node: AnyNode): AnyNode {
  switch (node.type) {
    case 'ParenthesisNode':
      return normalize(node.content as AnyNode);
    case 'ConstantNode':
    case 'SymbolNode':
      return node;
    case 'FunctionNode': {
      const name = fnName(node) as string;
      const arg = normalize((node.args as AnyNode[])[0]);
      if (name === 'square' || name === 'cube') return normalize(opNode('pow', [arg, constNode(ctors().bignumber(name === 'square' ? 2 : 3))]));
      return asAny(new (ctors().FunctionNode)(name, [asMath(arg)]));
    }
    case 'OperatorNode':
      return normalizeOp(String(node.fn), (node.args as AnyNode[]).map(normalize));
    default:
      throw new Error(`internal: unexpected ${node.type} in a validated formula`);
  }
}

function normalizeOp(fn: string, args: AnyNode[]): AnyNode {
  if ((fn === 'add' || fn === 'multiply') && args.length > 2) {
    return args.slice(1).reduce((acc, a) => normalizeOp(fn, [acc, a]), args[0]);
  }
  const [a, b] = args;
  const ca = constValue(a);
  const cb = b === undefined ? undefined : constValue(b);
  const zero = (c: BigNum | undefined) => c !== undefined && c.isZero();
  const one = (c: BigNum | undefined) => c !== undefined && c.eq(1);
  const ints = ca !== undefined && cb !== undefined && isSmallInt(ca) && isSmallInt(cb);
  switch (fn) {
    case 'unaryPlus':
      return a;
    case 'unaryMinus':
      if (ca !== undefined) return constNode(ca.neg());
      if (a.type === 'OperatorNode' && a.fn === 'unaryMinus') return (a.args as AnyNode[])[0];
      return opNode(fn, [a]);
    case 'add':
      if (zero(ca)) return b;
      if (zero(cb)) return a;
      if (ints) return constNode(ca.plus(cb));
      return opNode(fn, [a, b]);
    case 'subtract':
      if (zero(cb)) return a;
      if (zero(ca)) return normalizeOp('unaryMinus', [b]);
      if (ints) return constNode(ca.minus(cb));
      return opNode(fn, [a, b]);
    case 'multiply':
      if (zero(ca) || zero(cb)) return constNode(ctors().bignumber(0));
      if (one(ca)) return b;
      if (one(cb)) return a;
      if (ints) return constNode(ca.times(cb));
      return opNode(fn, [a, b]);
    case 'divide':
      if (zero(ca)) return constNode(ctors().bignumber(0));
      if (one(cb)) return a;
      return opNode(fn, [a, b]);
    case 'pow':
      if (one(cb)) return a;
      if (zero(cb)) return constNode(ctors().bignumber(1));
      return opNode(fn, [a, b]);
    default:
      throw new Error(`internal: unexpected operator ${fn}`);
  }
}

/**
 * ∂node/∂v by mathjs without simplification, then normalized. The tree is deep-cloned first: mathjs'
 * product rule tells factors apart by object identity, so a node object that appears twice (as
 * normalization and mathjs' own rules produce) would be differentiated twice (y·y ↦ 1·1).
 */
function differentiate(node: AnyNode, v: string): AnyNode {
  return normalize(asAny(math().derivative(asMath(node).cloneDeep(), v, { simplify: false })));
}

// ─── the model ─────────────────────────────────────────────────────────────────────────────────────

/** Parses and validates `--expr` for `--vars`; the normalized tree. */
function parseFormula(text: string | undefined, vars: readonly string[]): AnyNode {
  if (text === undefined || text.trim() === '') {
    throw new UsageError("the expr model needs a formula, e.g. \"(x*y - 1)^2/2\" with the variables ['x', 'y']", 'expr');
  }
  if (text.length > MAX_EXPR_LENGTH) throw new UsageError(`the formula is longer than ${MAX_EXPR_LENGTH} characters`, 'expr');
  checkFormulaText(text);
  let node: AnyNode;
  try {
    node = asAny(math().parse(text));
  } catch (e) {
    throw new UsageError(`cannot parse "${text}": ${(e as Error).message}`, 'expr');
  }
  checkTree([node], 'the formula');
  validate(node, new Set(vars));
  return normalize(node);
}

/** Derivative trees, checked against the size limits before any tape is built from them. */
function limited<N extends AnyNode[] | AnyNode[][]>(trees: N, what: string): N {
  checkTree(trees.flat(), what);
  return trees;
}

/** Index of the sorted triple (i ≤ j ≤ k) in the list of third derivatives, for every (i, j, k). */
function tripleIndex(p: number): { triples: [number, number, number][]; index: Int32Array } {
  const triples: [number, number, number][] = [];
  const at = new Map<string, number>();
  for (let i = 0; i < p; i++)
    for (let j = i; j < p; j++)
      for (let k = j; k < p; k++) {
        at.set(`${i},${j},${k}`, triples.length);
        triples.push([i, j, k]);
      }
  const index = new Int32Array(p * p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++)
      for (let k = 0; k < p; k++) {
        const s = [i, j, k].sort((x, y) => x - y);
        index[(i * p + j) * p + k] = at.get(s.join(',')) as number;
      }
  return { triples, index };
}

export const expr: ModelDef = defineModel({
  id: 'expr',
  title: 'User formula (mathjs syntax, symbolic derivatives)',
  objective: 'a formula given with --expr, e.g. "(x*y - 1)^2/2"',
  thetaLayout: 'the --vars, in that order',
  build({ input }) {
    const vars = validateVars(input.vars);
    const root = parseFormula(input.expr, vars);
    const p = vars.length;

    // Symbolic derivatives and their tapes, built on first use and shared by every field.
    let grads: AnyNode[] | undefined;
    let hess: AnyNode[][] | undefined; // hess[i][j - i] = ∂ᵢⱼL for j ≥ i
    const tapes: { loss?: Tape; grad?: Tape; hessian?: Tape; third?: Tape } = {};
    let triples: ReturnType<typeof tripleIndex> | undefined;
    const gradNodes = () =>
      (grads ??= limited(
        vars.map((v) => differentiate(root, v)),
        'its gradient',
      ));
    const hessNodes = () =>
      (hess ??= limited(
        gradNodes().map((g, i) => vars.slice(i).map((v) => differentiate(g, v))),
        'its Hessian',
      ));
    const lossTape = () => (tapes.loss ??= buildTape([root], vars));
    const gradTape = () => (tapes.grad ??= buildTape(gradNodes(), vars));
    const hessTape = () => (tapes.hessian ??= buildTape(hessNodes().flat(), vars));
    const thirdTape = () => {
      if (tapes.third !== undefined) return tapes.third;
      if (p > MAX_THIRD_VARS) {
        throw new UsageError(`third derivatives (∇S) of a formula are limited to ${MAX_THIRD_VARS} variables, got ${p}`, 'vars');
      }
      triples = tripleIndex(p);
      const H = hessNodes();
      const roots = limited(
        triples.triples.map(([i, j, k]) => differentiate(H[i][j - i], vars[k])),
        'its third derivatives',
      );
      return (tapes.third = buildTape(roots, vars));
    };

    return {
      dim: p,
      thetaNames: vars,
      bind<T>(F: Field<T>) {
        const compiled: { loss?: (x: Vec<T>) => T[]; grad?: (x: Vec<T>) => T[]; hessian?: (x: Vec<T>) => T[]; third?: (x: Vec<T>) => T[] } = {};
        const hessian = (x: Vec<T>): Mat<T> => {
          const h = (compiled.hessian ??= compileTape(F, hessTape()))(x);
          const H: T[][] = Array.from({ length: p }, () => new Array<T>(p));
          let k = 0;
          for (let i = 0; i < p; i++) for (let j = i; j < p; j++) H[i][j] = H[j][i] = h[k++];
          return H;
        };
        const third = (x: Vec<T>, u: Vec<T>): Vec<T> => {
          const run = (compiled.third ??= compileTape(F, thirdTape()));
          const t = run(x);
          const { index } = triples as ReturnType<typeof tripleIndex>;
          const uu: T[] = new Array(p * p);
          for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) uu[j * p + k] = F.mul(u[j], u[k]);
          const out: T[] = new Array(p);
          for (let i = 0; i < p; i++) {
            let s = F.zero;
            for (let jk = 0; jk < p * p; jk++) s = F.add(s, F.mul(t[index[i * p * p + jk]], uu[jk]));
            out[i] = s;
          }
          return out;
        };
        return {
          loss: (x: Vec<T>) => (compiled.loss ??= compileTape(F, lossTape()))(x)[0],
          grad: (x: Vec<T>) => (compiled.grad ??= compileTape(F, gradTape()))(x),
          hessian,
          third,
        };
      },
    };
  },
});
