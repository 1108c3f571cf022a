import { ELEMENTARY_FUNCTIONS, type Field, type Vec } from '../../numerics/field.js';
import { constValue, DERIVATIVE_FUNCTIONS, fnName, FUNCTIONS, type AnyNode, type BigNum } from './exprNodes.js';

// ─── a tape: the formulas as one DAG of field operations (shared subexpressions computed once) ──

const enum Op {
  Const,
  Var,
  Pi,
  E,
  Add,
  Sub,
  Mul,
  Div,
  Neg,
  Pow,
  Powi,
  Fn,
}

export interface Tape {
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
    ...Object.fromEntries(ELEMENTARY_FUNCTIONS.map((name) => [name, (a: T) => F[name](a)])),
    abs: F.abs,
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
export function buildTape(roots: readonly AnyNode[], vars: readonly string[]): Tape {
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
export function compileTape<T>(F: Field<T>, tape: Tape): (x: Vec<T>) => T[] {
  const fns = unaryOps(F);
  const n = tape.op.length;
  const template: T[] = new Array(n);
  const liveIdx: number[] = [];
  const step = (v: T[], x: Vec<T>, k: number): T => {
    const a = tape.a[k];
    const b = tape.b[k];
    switch (tape.op[k]) {
      case Op.Const:
        return F.from(tape.text[k] as string);
      case Op.Var:
        return x[a];
      case Op.Pi:
        return F.mul(F.int(4), F.atan(F.one));
      case Op.E:
        return F.exp(F.one);
      case Op.Add:
        return F.add(v[a], v[b]);
      case Op.Sub:
        return F.sub(v[a], v[b]);
      case Op.Mul:
        return F.mul(v[a], v[b]);
      case Op.Div:
        return F.div(v[a], v[b]);
      case Op.Neg:
        return F.neg(v[a]);
      case Op.Pow:
        return F.pow(v[a], v[b]);
      case Op.Powi:
        return F.powi(v[a], b);
      case Op.Fn:
        return fns[b](v[a]);
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
