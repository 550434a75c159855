import type { asl } from '@typestep/compiler';

/**
 * The parts of an ASL definition the interpreter reads: @typestep/compiler's ASL model, whose types
 * are inferred from the zod schemas the validator checks definitions with (definitions are
 * validated before a run). Fields that may hold a JSONata expression instead of their JSONPath-mode
 * value are typed as the model types them (`number | string`, `unknown`).
 */

export type QueryLanguage = asl.QueryLanguage;
/** A JSONPath Payload Template or a JSONata value: any JSON, read as the field's query language says. */
export type Template = unknown;

export type StateMachineDefinition = asl.StateMachine;
export type State = asl.State;
export type TaskState = asl.TaskState;
export type PassState = asl.PassState;
export type WaitState = asl.WaitState;
export type ChoiceState = asl.ChoiceState;
export type ChoiceRule = asl.ChoiceRule;
export type SucceedState = asl.SucceedState;
export type FailState = asl.FailState;
export type ParallelState = asl.ParallelState;
/**
 * A Parallel branch or Map processor: written out here because the compiler's model is recursive
 * (zod getters), and its inferred type loses its States' precision in the emitted declarations.
 */
export interface Branch {
  readonly StartAt: string;
  readonly States: Readonly<Record<string, State>>;
  readonly Comment?: string;
}
export type MapState = asl.MapState;
export type ItemProcessor = Branch & { readonly ProcessorConfig?: asl.ProcessorConfig };
export type ItemReader = asl.ItemReader;
export type ItemBatcher = asl.ItemBatcher;
export type ResultWriter = asl.ResultWriter;
export type Retrier = asl.Retrier;
export type Catcher = asl.Catcher;
