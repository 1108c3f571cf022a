import { all, create, type MathNode } from 'mathjs';
import { UsageError } from '../errors.js';
import type { Field, Mat, Vec } from '../numerics/field.js';
import { checkDim, readParams } from './params.js';
import { makeModel, type ModelDef, type ModelInput } from './model.js';

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

/** mathjs with BigNumber literals, so `0.1` keeps its digits; used only to parse and differentiate. */
const math = create(all, { number: 'BigNumber', precision: 64 });

/** Elementary functions a formula may call (one argument each). */
const FUNCTIONS = [
  'sqrt', 'exp', 'log', 'sin', 'cos', 'tan', 'sinh', 'cosh', 'tanh',
  'asin', 'acos', 'atan', 'asinh', 'atanh', 'abs', 'square', 'cube',
] as const;
/** Functions that appear only in mathjs' derivatives (d tan = sec², d tanh = sech², ...). */
const DERIVATIVE_FUNCTIONS = ['sec', 'csc', 'cot', 'sech', 'csch', 'coth'] as const;
const CONSTANTS = ['pi', 'e'] as const;
/** Words mathjs' parser reads as operators or literals: never variable names. */
const RESERVED = ['mod', 'to', 'in', 'and', 'or', 'xor', 'not', 'end', 'true', 'false', 'null', 'undefined', 'NaN', 'Infinity'];
const OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'pow', 'unaryMinus', 'unaryPlus']);

/** Longest formula accepted: symbolic third derivatives of a huge formula would take minutes. */
const MAX_EXPR_LENGTH = 4000;
/** Third derivatives need p(p+1)(p+2)/6 symbolic entries. */
export const MAX_THIRD_VARS = 12;

// ─── mathjs nodes, loosely typed (mathjs' own node types are generic over every operator) ─────────

interface AnyNode {
  readonly type: string;
  readonly name?: string;
  readonly value?: unknown;
  readonly fn?: unknown;
  readonly op?: string;
  readonly args?: AnyNode[];
  readonly content?: AnyNode;
}
const asAny = (n: MathNode) => n as unknown as AnyNode;
const asMath = (n: AnyNode) => n as unknown as MathNode;

interface BigNum {
  isFinite(): boolean;
  isInteger(): boolean;
  isZero(): boolean;
  eq(x: number): boolean;
  abs(): BigNum;
  lt(x: number): boolean;
  neg(): BigNum;
  plus(x: BigNum): BigNum;
  minus(x: BigNum): BigNum;
  times(x: BigNum): BigNum;
  toString(): string;
}

const Ctors = math as unknown as {
  ConstantNode: new (v: unknown) => MathNode;
  OperatorNode: new (op: string, fn: string, args: MathNode[]) => MathNode;
  FunctionNode: new (fn: string, args: MathNode[]) => MathNode;
  bignumber: (x: string | number) => BigNum;
  isBigNumber: (x: unknown) => boolean;
};

const OP_SYMBOL: Record<string, string> = {
  add: '+', subtract: '-', multiply: '*', divide: '/', pow: '^', unaryMinus: '-', unaryPlus: '+',
};
function opNode(fn: string, args: AnyNode[]): AnyNode {
  return asAny(new Ctors.OperatorNode(OP_SYMBOL[fn], fn, args.map(asMath)));
}
function constNode(v: BigNum): AnyNode {
  return asAny(new Ctors.ConstantNode(v));
}
function fnName(n: AnyNode): string | undefined {
  const f = n.fn as AnyNode | undefined;
  return f !== undefined && typeof f === 'object' && f.type === 'SymbolNode' ? f.name : undefined;
}
/** The numeric value of a constant node (BigNumber; mathjs' derivative may also create numbers). */
function constValue(n: AnyNode): BigNum | undefined {
  if (n.type !== 'ConstantNode') return undefined;
  if (typeof n.value === 'number') return Ctors.bignumber(n.value);
  return Ctors.isBigNumber(n.value) ? (n.value as BigNum) : undefined;
}

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
    throw new UsageError('the expr model needs its variables in θ order, e.g. [\'x\', \'y\']', 'vars');
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
      parsed = asAny(math.parse(v));
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
      if (name === 'square' || name === 'cube') return normalize(opNode('pow', [arg, constNode(Ctors.bignumber(name === 'square' ? 2 : 3))]));
      return asAny(new Ctors.FunctionNode(name, [asMath(arg)]));
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
      if (zero(ca) || zero(cb)) return constNode(Ctors.bignumber(0));
      if (one(ca)) return b;
      if (one(cb)) return a;
      if (ints) return constNode(ca.times(cb));
      return opNode(fn, [a, b]);
    case 'divide':
      if (zero(ca)) return constNode(Ctors.bignumber(0));
      if (one(cb)) return a;
      return opNode(fn, [a, b]);
    case 'pow':
      if (one(cb)) return a;
      if (zero(cb)) return constNode(Ctors.bignumber(1));
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
  return normalize(asAny(math.derivative(asMath(node).cloneDeep(), v, { simplify: false })));
}

// ─── a tape: the formulas as one DAG of field operations (shared subexpressions computed once) ──

const enum Op { Const, Var, Pi, E, Add, Sub, Mul, Div, Neg, Pow, Powi, Fn }

interface Tape {
  readonly op: Op[];
  readonly a: number[];
  /** Second operand, the integer exponent of Powi, or the function's index in UNARY. */
  readonly b: number[];
  readonly text: (string | undefined)[];
  /** True when the instruction depends on a variable (else it is computed once per field). */
  readonly live: boolean[];
  readonly outputs: number[];
}

const UNARY = [...FUNCTIONS.filter((f) => f !== 'square' && f !== 'cube'), ...DERIVATIVE_FUNCTIONS];

function unaryOps<T>(F: Field<T>): ((a: T) => T)[] {
  const table: Record<string, (a: T) => T> = {
    sqrt: F.sqrt, exp: F.exp, log: F.log, sin: F.sin, cos: F.cos, tan: F.tan,
    sinh: F.sinh, cosh: F.cosh, tanh: F.tanh, asin: F.asin, acos: F.acos, atan: F.atan,
    asinh: F.asinh, atanh: F.atanh, abs: F.abs,
    sec: (a) => F.div(F.one, F.cos(a)),
    csc: (a) => F.div(F.one, F.sin(a)),
    cot: (a) => F.div(F.cos(a), F.sin(a)),
    sech: (a) => F.div(F.one, F.cosh(a)),
    csch: (a) => F.div(F.one, F.sinh(a)),
    coth: (a) => F.div(F.cosh(a), F.sinh(a)),
  };
  return UNARY.map((name) => table[name]);
}

/** Builds one tape for several roots; identical subtrees (up to a + b = b + a, ab = ba) share a slot. */
function buildTape(roots: readonly AnyNode[], vars: readonly string[]): Tape {
  const t: Tape = { op: [], a: [], b: [], text: [], live: [], outputs: [] };
  const slots = new Map<string, number>();
  const emit = (key: string, op: Op, a: number, b: number, text: string | undefined, live: boolean): number => {
    const hit = slots.get(key);
    if (hit !== undefined) return hit;
    const k = t.op.length;
    t.op.push(op);
    t.a.push(a);
    t.b.push(b);
    t.text.push(text);
    t.live.push(live);
    slots.set(key, k);
    return k;
  };
  const visit = (n: AnyNode): number => {
    switch (n.type) {
      case 'ConstantNode': {
        const text = (constValue(n) as BigNum).toString();
        return emit(`c${text}`, Op.Const, -1, -1, text, false);
      }
      case 'SymbolNode': {
        const i = vars.indexOf(n.name as string);
        if (i >= 0) return emit(`v${i}`, Op.Var, i, -1, undefined, true);
        if (n.name === 'pi') return emit('pi', Op.Pi, -1, -1, undefined, false);
        if (n.name === 'e') return emit('e', Op.E, -1, -1, undefined, false);
        throw new Error(`internal: unknown symbol ${n.name}`);
      }
      case 'FunctionNode': {
        const f = UNARY.indexOf(fnName(n) as (typeof UNARY)[number]);
        if (f < 0) throw new Error(`internal: unknown function ${fnName(n)}`);
        const a = visit((n.args as AnyNode[])[0]);
        return emit(`f${f}(${a})`, Op.Fn, a, f, undefined, t.live[a]);
      }
      case 'OperatorNode': {
        const args = n.args as AnyNode[];
        const fn = String(n.fn);
        if (fn === 'unaryMinus') {
          const a = visit(args[0]);
          return emit(`-(${a})`, Op.Neg, a, -1, undefined, t.live[a]);
        }
        if (fn === 'pow') {
          const a = visit(args[0]);
          const c = constValue(args[1]);
          if (c !== undefined && c.isInteger() && c.abs().lt(2 ** 31)) {
            const n = Number(c.toString());
            return emit(`(${a})^i${n}`, Op.Powi, a, n, undefined, t.live[a]);
          }
          const b = visit(args[1]);
          return emit(`(${a})^(${b})`, Op.Pow, a, b, undefined, t.live[a] || t.live[b]);
        }
        const op = fn === 'add' ? Op.Add : fn === 'subtract' ? Op.Sub : fn === 'multiply' ? Op.Mul : fn === 'divide' ? Op.Div : undefined;
        if (op === undefined || args.length !== 2) throw new Error(`internal: unexpected operator ${fn}/${args.length}`);
        let a = visit(args[0]);
        let b = visit(args[1]);
        if ((op === Op.Add || op === Op.Mul) && b < a) [a, b] = [b, a];
        return emit(`${op}(${a},${b})`, op, a, b, undefined, t.live[a] || t.live[b]);
      }
      default:
        throw new Error(`internal: unexpected ${n.type}`);
    }
  };
  for (const r of roots) t.outputs.push(visit(r));
  return t;
}

/** The tape as a function of θ in the field F: constants are computed once, here. */
function compileTape<T>(F: Field<T>, tape: Tape): (x: Vec<T>) => T[] {
  const fns = unaryOps(F);
  const n = tape.op.length;
  const template: T[] = new Array(n);
  const liveIdx: number[] = [];
  const step = (v: T[], x: Vec<T>, k: number): T => {
    const a = tape.a[k];
    const b = tape.b[k];
    switch (tape.op[k]) {
      case Op.Const: return F.from(tape.text[k] as string);
      case Op.Var: return x[a];
      case Op.Pi: return F.mul(F.int(4), F.atan(F.one));
      case Op.E: return F.exp(F.one);
      case Op.Add: return F.add(v[a], v[b]);
      case Op.Sub: return F.sub(v[a], v[b]);
      case Op.Mul: return F.mul(v[a], v[b]);
      case Op.Div: return F.div(v[a], v[b]);
      case Op.Neg: return F.neg(v[a]);
      case Op.Pow: return F.pow(v[a], v[b]);
      case Op.Powi: return F.powi(v[a], b);
      case Op.Fn: return fns[b](v[a]);
    }
  };
  for (let k = 0; k < n; k++) {
    if (tape.live[k]) liveIdx.push(k);
    else template[k] = step(template, [], k);
  }
  const live = Int32Array.from(liveIdx);
  const outputs = tape.outputs;
  return (x: Vec<T>): T[] => {
    const v = template.slice();
    for (let i = 0; i < live.length; i++) {
      const k = live[i];
      v[k] = step(v, x, k);
    }
    return outputs.map((o) => v[o]);
  };
}

// ─── the model ─────────────────────────────────────────────────────────────────────────────────────

/** Parses and validates `--expr` for `--vars`; the normalized tree. */
function parseFormula(text: string | undefined, vars: readonly string[]): AnyNode {
  if (text === undefined || text.trim() === '') {
    throw new UsageError('the expr model needs a formula, e.g. "(x*y - 1)^2/2" with the variables [\'x\', \'y\']', 'expr');
  }
  if (text.length > MAX_EXPR_LENGTH) throw new UsageError(`the formula is longer than ${MAX_EXPR_LENGTH} characters`, 'expr');
  let node: AnyNode;
  try {
    node = asAny(math.parse(text));
  } catch (e) {
    throw new UsageError(`cannot parse "${text}": ${(e as Error).message}`, 'expr');
  }
  validate(node, new Set(vars));
  return normalize(node);
}

/** Index of the sorted triple (i ≤ j ≤ k) in the list of third derivatives, for every (i, j, k). */
function tripleIndex(p: number): { triples: [number, number, number][]; index: Int32Array } {
  const triples: [number, number, number][] = [];
  const at = new Map<string, number>();
  for (let i = 0; i < p; i++) for (let j = i; j < p; j++) for (let k = j; k < p; k++) {
    at.set(`${i},${j},${k}`, triples.length);
    triples.push([i, j, k]);
  }
  const index = new Int32Array(p * p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) {
    const s = [i, j, k].sort((x, y) => x - y);
    index[(i * p + j) * p + k] = at.get(s.join(',')) as number;
  }
  return { triples, index };
}

export const expr: ModelDef = {
  id: 'expr',
  title: 'User formula (mathjs syntax, symbolic derivatives)',
  objective: 'a formula given with --expr, e.g. "(x*y - 1)^2/2"',
  thetaLayout: 'the --vars, in that order',
  params: [],
  create(input: ModelInput) {
    const params = readParams('expr', input, this.params);
    const vars = validateVars(input.vars);
    const root = parseFormula(input.expr, vars);
    const p = checkDim('expr', input, vars.length);

    // Symbolic derivatives and their tapes, built on first use and shared by every field.
    let grads: AnyNode[] | undefined;
    let hess: AnyNode[][] | undefined; // hess[i][j - i] = ∂ᵢⱼL for j ≥ i
    const tapes: { loss?: Tape; grad?: Tape; hessian?: Tape; third?: Tape } = {};
    let triples: ReturnType<typeof tripleIndex> | undefined;
    const gradNodes = () => (grads ??= vars.map((v) => differentiate(root, v)));
    const hessNodes = () => (hess ??= gradNodes().map((g, i) => vars.slice(i).map((v) => differentiate(g, v))));
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
      const roots = triples.triples.map(([i, j, k]) => differentiate(H[i][j - i], vars[k]));
      return (tapes.third = buildTape(roots, vars));
    };

    return makeModel({
      id: 'expr',
      dim: p,
      thetaNames: vars,
      params,
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
    });
  },
};
