import type { FailState, MapState, ParallelState, PassState, State, TaskState, Template } from '../asl.js';
import { States } from '../errors.js';
import { applyResultPath, selectPath } from '../data/json-path-io.js';
import { evaluateJsonataTemplate, type JsonataScope } from '../data/jsonata.js';
import { evaluatePayloadTemplate } from '../data/payload-template.js';
import type { StateRun, Transition } from '../state-run.js';

/**
 * The data flow of a state, in both query languages:
 *
 * JSONPath: raw input → InputPath → Parameters → (the work) → ResultSelector → ResultPath (into
 *           the raw input) → OutputPath; Assign reads the result after ResultSelector.
 * JSONata:  Arguments (default: the input) → (the work) → Output (default: the result); Assign and
 *           Output both see `$states.result` and the variables as they were on entry.
 */

/** The states with an input and an output: all but Fail. */
type InputOutputState = Exclude<State, FailState>;

/** The states whose work has a result (Task, Parallel, Map, Pass), with the fields of that flow. */
type Fields = (TaskState | ParallelState | MapState | PassState) & {
  readonly Parameters?: Template;
  readonly Arguments?: Template;
  readonly ResultSelector?: Template;
  readonly ResultPath?: string | null;
};

/** JSONPath InputPath (the whole raw input in JSONata). */
export function selectedInput(run: StateRun<InputOutputState>): unknown {
  return run.language === 'JSONata' ? run.rawInput : selectPath(run.name, run.state.InputPath, run.rawInput, (data) => run.pathScope(data));
}

/** The input the work receives: InputPath + Parameters, or Arguments. */
export async function effectiveInput(run: StateRun<Fields>): Promise<unknown> {
  if (run.language === 'JSONata') {
    return run.state.Arguments === undefined ? run.rawInput : evaluateJsonataTemplate(run.state.Arguments, run.jsonataScope(), 'Arguments');
  }
  const selected = selectedInput(run);
  return run.state.Parameters === undefined ? selected : evaluatePayloadTemplate(run.state.Parameters, run.pathScope(selected));
}

/** From the work's result to the state's output and assignments (Task, Parallel, Map, Pass). */
export function resultTransition(run: StateRun<Fields>, result: unknown): Transition | Promise<Transition> {
  const next = run.state.Next;
  if (run.language === 'JSONata') return jsonataTransition(run.jsonataScope({ result }), result, next, run.state);
  // JSONPath states need no await: their transition is computed at once (the common, hot path).
  const selected =
    run.state.ResultSelector === undefined
      ? result
      : evaluatePayloadTemplate(run.state.ResultSelector, run.pathScope(result), States.Runtime);
  const merged = applyResultPath(run.rawInput, selected, run.state.ResultPath);
  const output = selectPath(run.name, run.state.OutputPath, merged, (data) => run.pathScope(data));
  return { output, next, assign: jsonPathAssign(run, run.state.Assign, selected) };
}

/** For states without a result (Wait, Choice, Succeed): the (selected) input passes on. */
export function passThroughTransition(
  run: StateRun<InputOutputState>,
  selected: unknown,
  next: string | undefined,
  fields: OutputFields = run.state,
): Transition | Promise<Transition> {
  if (run.language === 'JSONata') return jsonataTransition(run.jsonataScope(), run.rawInput, next, fields);
  const output = selectPath(run.name, run.state.OutputPath, selected, (data) => run.pathScope(data));
  return { output, next, assign: jsonPathAssign(run, fields.Assign, selected) };
}

export type OutputFields = { readonly Output?: Template; readonly Assign?: Readonly<Record<string, Template>> };

/** A JSONata state's Output (default: `fallback`) and Assign, both seeing the variables from before the state. */
async function jsonataTransition(
  scope: JsonataScope,
  fallback: unknown,
  next: string | undefined,
  fields: OutputFields,
): Promise<Transition> {
  const output = fields.Output === undefined ? fallback : await evaluateJsonataTemplate(fields.Output, scope, 'Output');
  return { output, next, assign: await jsonataAssign(fields.Assign, scope) };
}

export function jsonPathAssign(
  run: StateRun,
  assign: Readonly<Record<string, Template>> | undefined,
  data: unknown,
): Record<string, unknown> | undefined {
  return assign === undefined ? undefined : (evaluatePayloadTemplate(assign, run.pathScope(data)) as Record<string, unknown>);
}

export async function jsonataAssign(
  assign: Readonly<Record<string, Template>> | undefined,
  scope: JsonataScope,
): Promise<Record<string, unknown> | undefined> {
  return assign === undefined ? undefined : ((await evaluateJsonataTemplate(assign, scope, 'Assign')) as Record<string, unknown>);
}
