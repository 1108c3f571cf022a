import { UsageError } from '../../errors.js';
import type { AnyNode } from './exprNodes.js';

/**
 * Size limits of a formula and of its symbolic derivatives. The parser, the validator, the
 * normalizer and mathjs' derivative all recurse along the tree, so its depth is bounded well within
 * the call stack; the derivatives of a long product grow like the square of its length (and the
 * third ones like the fourth power), so their size is bounded too, with a message rather than a hang.
 */
export const MAX_BRACKET_DEPTH = 50;
export const MAX_EXPR_DEPTH = 150;
export const MAX_DERIVATIVE_NODES = 200_000;

/** Checks bracket nesting on the text, before mathjs' recursive-descent parser sees it. */
export function checkFormulaText(text: string): void {
  let depth = 0;
  for (const c of text) {
    if (c === '(' || c === '[' || c === '{') {
      if (++depth > MAX_BRACKET_DEPTH) throw new UsageError(`the formula is nested deeper than ${MAX_BRACKET_DEPTH} brackets`, 'expr');
    } else if (c === ')' || c === ']' || c === '}') depth--;
  }
}

const children = (n: AnyNode): readonly AnyNode[] => n.args ?? (n.content !== undefined ? [n.content] : []);

/**
 * Depth and node count of a tree, without recursion; `what` names it in the messages ("the formula",
 * "its gradient", ...). Shared subtrees count once per occurrence, as the recursive passes see them.
 */
export function checkTree(roots: readonly AnyNode[], what: string): void {
  const stack: [AnyNode, number][] = roots.map((r) => [r, 1]);
  let nodes = 0;
  while (stack.length > 0) {
    const [n, d] = stack.pop()!;
    if (d > MAX_EXPR_DEPTH) {
      throw new UsageError(
        `${what} is nested deeper than ${MAX_EXPR_DEPTH} levels (a chain a+b+c+… of n terms is n levels deep); split it with parentheses`,
        'expr',
      );
    }
    if (++nodes > MAX_DERIVATIVE_NODES) {
      throw new UsageError(`${what} has more than ${MAX_DERIVATIVE_NODES} terms: the formula is too large to differentiate symbolically`, 'expr');
    }
    for (const c of children(n)) stack.push([c, d + 1]);
  }
}
