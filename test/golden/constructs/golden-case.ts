import type { WorkflowLike } from '@typestep/compiler';

/**
 * One construct of the language, written with the DSL, and the ASL it must compile to. The ASL is
 * written out by hand from AWS's documentation of the construct (not captured from the compiler),
 * so a change in what the compiler emits is a failing test, never a silently updated snapshot.
 */
export interface GoldenCase {
  /** What the case shows; also the test's name. */
  readonly construct: string;
  readonly workflow: WorkflowLike;
  /** The definition, deep-equal to what `compile()` emits. */
  readonly asl: Record<string, unknown>;
  /** The `${Name}` placeholders its substitutions map lists, sorted (none when omitted). */
  readonly placeholders?: readonly string[];
}
