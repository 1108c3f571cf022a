import { createRequire } from 'node:module';
import type { MathJsInstance, MathNode } from 'mathjs';
import { ELEMENTARY_FUNCTIONS } from '../../numerics/field.js';

// Shared by the expr model's parts (validation, normalization, tape): mathjs' node shapes, loosely
// typed, and the vocabulary a formula may use.

let mathjs: MathJsInstance | undefined;

/**
 * mathjs with BigNumber literals, so `0.1` keeps its digits; used only to parse and differentiate.
 * Loaded on first use (synchronously, so building a model stays synchronous), and from the
 * package's single-file build (`mathjs/lib/browser/math.js`, the same release and API): the default
 * entry requires about a thousand modules and takes about ten times as long to load (seconds on a
 * busy machine; both measured side by side in bench/coldStart.bench.ts). Only the expr model needs it.
 */
export function math(): MathJsInstance {
  if (mathjs === undefined) {
    const { all, create } = createRequire(import.meta.url)('mathjs/lib/browser/math.js') as typeof import('mathjs');
    mathjs = create(all);
    // Set after creation: the single-file build ignores a config passed to create (its parser then
    // reads literals as doubles, which src/models/expr.test.ts would catch).
    mathjs.config({ number: 'BigNumber', precision: 64 });
  }
  return mathjs;
}

/** Elementary functions a formula may call (one argument each). */
export const FUNCTIONS = [...ELEMENTARY_FUNCTIONS, 'abs', 'square', 'cube'] as const;
/** Functions that appear only in mathjs' derivatives (d tan = sec², d tanh = sech², ...). */
export const DERIVATIVE_FUNCTIONS = ['sec', 'csc', 'cot', 'sech', 'csch', 'coth'] as const;
export const CONSTANTS = ['pi', 'e'] as const;
/** Words mathjs' parser reads as operators or literals: never variable names. */
export const RESERVED = ['mod', 'to', 'in', 'and', 'or', 'xor', 'not', 'end', 'true', 'false', 'null', 'undefined', 'NaN', 'Infinity'];
export const OPERATORS = new Set(['add', 'subtract', 'multiply', 'divide', 'pow', 'unaryMinus', 'unaryPlus']);

// ─── mathjs nodes, loosely typed (mathjs' own node types are generic over every operator) ─────────

export interface AnyNode {
  readonly type: string;
  readonly name?: string;
  readonly value?: unknown;
  readonly fn?: unknown;
  readonly op?: string;
  readonly args?: AnyNode[];
  readonly content?: AnyNode;
}
export const asAny = (n: MathNode) => n as unknown as AnyNode;
export const asMath = (n: AnyNode) => n as unknown as MathNode;

export interface BigNum {
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

export const ctors = () =>
  math() as unknown as {
    ConstantNode: new (v: unknown) => MathNode;
    OperatorNode: new (op: string, fn: string, args: MathNode[]) => MathNode;
    FunctionNode: new (fn: string, args: MathNode[]) => MathNode;
    bignumber: (x: string | number) => BigNum;
    isBigNumber: (x: unknown) => boolean;
  };

const OP_SYMBOL: Record<string, string> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
  unaryMinus: '-',
  unaryPlus: '+',
};
export function opNode(fn: string, args: AnyNode[]): AnyNode {
  return asAny(new (ctors().OperatorNode)(OP_SYMBOL[fn], fn, args.map(asMath)));
}
export function constNode(v: BigNum): AnyNode {
  return asAny(new (ctors().ConstantNode)(v));
}
export function fnName(n: AnyNode): string | undefined {
  const f = n.fn as AnyNode | undefined;
  return f !== undefined && typeof f === 'object' && f.type === 'SymbolNode' ? f.name : undefined;
}
/** The numeric value of a constant node (BigNumber; mathjs' derivative may also create numbers). */
export function constValue(n: AnyNode): BigNum | undefined {
  if (n.type !== 'ConstantNode') return undefined;
  if (typeof n.value === 'number') return ctors().bignumber(n.value);
  return ctors().isBigNumber(n.value) ? (n.value as BigNum) : undefined;
}
