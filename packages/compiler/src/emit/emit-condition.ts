import { renderPath, type ir } from '@typestep/dsl';

/** A Choice condition as ASL fields (`Variable` + operator, or `And` / `Or` / `Not`). */
export function emitCondition(node: ir.ConditionNode): Record<string, unknown> {
  switch (node.kind) {
    case 'compare': {
      const isPath = typeof node.value === 'object' && node.value !== null && (node.value as ir.PathNode).kind === 'path';
      return isPath
        ? { Variable: renderPath(node.variable), [`${node.operator}Path`]: renderPath(node.value as ir.PathNode) }
        : { Variable: renderPath(node.variable), [node.operator]: node.value };
    }
    case 'test':
      return { Variable: renderPath(node.variable), [node.operator]: node.value };
    case 'and':
      return { And: node.conditions.map(emitCondition) };
    case 'or':
      return { Or: node.conditions.map(emitCondition) };
    case 'not':
      return { Not: emitCondition(node.condition) };
  }
}
