import type { ParseTree } from 'antlr4ng';

/** Visits `node` and its descendants depth-first, in text order; `descend` false stops below a node. */
export function walk(node: ParseTree, visit: (node: ParseTree) => void, descend: (node: ParseTree) => boolean = () => true): void {
  visit(node);
  if (!descend(node)) return;
  for (let i = 0; i < node.getChildCount(); i++) {
    const child = node.getChild(i);
    if (child) walk(child, visit, descend);
  }
}
