import { isWorkflow, toWorkflowNode, type ir } from '@typestep/dsl';
import type { CompileResult, SubstitutionsMap } from './compile-result.js';
import { assemble } from './emit/assemble.js';
import { validateDefinition } from './validate/index.js';

/** Anything `workflow()` returned (a chain with workflow metadata). */
export type WorkflowLike = Parameters<typeof toWorkflowNode>[0];

/**
 * Compiles a workflow built with the DSL: emits the ASL definition and its substitutions map,
 * then validates the definition with the same rules `typestep validate` applies to hand-written
 * ASL, reporting each problem at the builder call that caused it.
 */
export function compile(workflow: WorkflowLike): CompileResult {
  if (!isWorkflow(workflow)) throw new TypeError('compile(): expected a chain started with workflow(name, …)');
  return compileNode(toWorkflowNode(workflow));
}

export function compileNode(node: ir.WorkflowNode): CompileResult {
  const emitted = assemble(node);
  const substitutions = substitutionsOf(node, emitted.placeholders);
  const validated = validateDefinition(emitted.definition, { workflow: node.name, substitutions, sourceOf: emitted.sourceOf });
  // What the emitter reported (an empty branch, an empty catch handler…) explains any rule broken
  // at or under the same place, e.g. the branch's missing StartAt: report the cause only.
  const explained = (location: readonly (string | number)[]) =>
    emitted.diagnostics.some((d) => d.location.length > 0 && d.location.every((key, i) => location[i] === key));
  const diagnostics = [...emitted.diagnostics, ...validated.filter((d) => !explained(d.location))];
  return { name: node.name, definition: emitted.definition, substitutions, diagnostics };
}

/** Declared substitutions first (in declaration order), then those only used through `sub()`. */
function substitutionsOf(node: ir.WorkflowNode, used: ReadonlySet<string>): SubstitutionsMap {
  const map: Record<string, SubstitutionsMap[string]> = {};
  const names = [...Object.keys(node.substitutions), ...[...used].filter((name) => !(name in node.substitutions))];
  for (const name of names) {
    const spec = node.substitutions[name];
    map[name] = { description: spec?.description ?? null, default: spec?.default ?? null };
  }
  return map;
}
