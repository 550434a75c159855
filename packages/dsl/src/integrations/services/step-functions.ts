import type { Context } from '../../path/context-object.js';
import { isPathRef, type Path } from '../../path/path.js';
import { isIntrinsic } from '../../payload/intrinsic.js';
import { isPlaceholder } from '../../payload/placeholder.js';
import type { Template, TemplateValue } from '../../payload/template.js';
import type { Schema } from '../../schema.js';
import { apiFields } from '../request/api-fields.js';
import type { CallbackOptions, CallOptions } from '../request/call-options.js';
import { fieldValue, type Field, type Text } from '../request/field.js';
import { serviceCall, type IntegrationPattern } from '../request/service-call.js';
import { integrationTask, type IntegrationTask } from '../render/integration-task.js';

/*
 * `states:startExecution`: a nested workflow. The only optimized integration here with all three
 * patterns: request-response (started), `.sync` (finished; Output as JSON text), `.sync:2`
 * (finished; Output as JSON) and `.waitForTaskToken`.
 */

/** What StartExecution returns (request-response). Dates are epoch milliseconds. */
export interface StartExecutionResult {
  readonly ExecutionArn: string;
  readonly StartDate: number;
}

/** The finished child execution, as DescribeExecution describes it (the task fails if the child does). */
interface FinishedExecution {
  readonly ExecutionArn: string;
  readonly StateMachineArn: string;
  readonly Name: string;
  readonly Status: 'SUCCEEDED';
  readonly StartDate: number;
  readonly StopDate: number;
  readonly InputDetails?: { readonly Included: boolean };
  readonly OutputDetails?: { readonly Included: boolean };
}

/** `.sync`: the child's input and output as JSON text. */
export interface SyncExecutionResult extends FinishedExecution {
  readonly Input: string;
  readonly Output: string;
}

/** `.sync:2`: the child's input and output as JSON. */
export interface Sync2ExecutionResult<Output> extends FinishedExecution {
  readonly Input: unknown;
  readonly Output: Output;
}

export interface StartExecutionOptions<In, Selected> extends CallOptions<In, Selected> {
  /** The state machine to start (ARN, `sub('…')`, or a path to one). */
  readonly stateMachineArn: Field<Selected, Text>;
  /** The child's input: a template, or a path (`($) => $.order`). Without it the child starts with `{}`. */
  readonly input?: Field<Selected, TemplateValue>;
  /** The execution's name (unique per state machine for 90 days). */
  readonly name?: Field<Selected, Text>;
  /**
   * Links the child to this execution in the console: adds
   * `AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$: $$.Execution.Id` to the input (an object template).
   */
  readonly associateWithParent?: boolean;
}

const PARENT_ID = 'AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID';

function startRequest<Selected>(options: StartExecutionOptions<any, Selected>, $: Path<Selected>, $$: Context): Template {
  const input = fieldValue(options.input, $, $$);
  return {
    ...apiFields(options, ['stateMachineArn'], $, $$),
    Input: options.associateWithParent === true ? withParentId(input, $$) : input,
    ...apiFields(options, ['name'], $, $$),
  };
}

function withParentId(input: TemplateValue, $$: Context): Template {
  if (input === undefined) return { [PARENT_ID]: $$.Execution.Id };
  if (!isObjectTemplate(input)) {
    throw new TypeError(
      `states.startExecution: associateWithParent adds ${PARENT_ID} to the child's input, so the input must be an object template ({ … }); wrap it, e.g. input: ($) => ({ order: $.order })`,
    );
  }
  return { ...input, [PARENT_ID]: $$.Execution.Id };
}

/** A `{ … }` of fields (not a path, intrinsic, placeholder, array or literal). */
const isObjectTemplate = (value: TemplateValue): value is Template =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !isPathRef(value) && !isIntrinsic(value) && !isPlaceholder(value);

const startTask = <In, Selected, Result>(pattern: IntegrationPattern, options: StartExecutionOptions<In, Selected>) =>
  integrationTask<In, Selected, Result>(serviceCall('states', 'startExecution', pattern, ($, $$) => startRequest(options, $, $$), 'the input'), options.inputPath);

/** `arn:aws:states:::states:startExecution`: starts the child and goes on; the result names the execution. */
export const startExecution = Object.assign(
  <In, Selected = In>(options: StartExecutionOptions<In, Selected>): IntegrationTask<In, Selected, StartExecutionResult> =>
    startTask('requestResponse', options),
  {
    /** `startExecution.sync`: waits for the child to finish; its Output arrives as JSON text. */
    sync: <In, Selected = In>(options: StartExecutionOptions<In, Selected>): IntegrationTask<In, Selected, SyncExecutionResult> =>
      startTask('sync', options),
    /** `startExecution.sync:2`: waits for the child to finish; `returns` (the child's output schema) types its Output. */
    sync2: <In, Selected = In, Output = unknown>(
      options: StartExecutionOptions<In, Selected> & { readonly returns?: Schema<Output> },
    ): IntegrationTask<In, Selected, Sync2ExecutionResult<Output>> => startTask('sync:2', options),
    /** `startExecution.waitForTaskToken`: the child gets the task token and someone sends it back. */
    waitForTaskToken: <In, Selected = In, Result = unknown>(
      options: StartExecutionOptions<In, Selected> & CallbackOptions<Result>,
    ): IntegrationTask<In, Selected, Result> => startTask('waitForTaskToken', options),
  },
);
