import type { HistoryEventType } from '@aws-sdk/client-sfn';
import { abortable, Aborted, LinkedController } from '../abort.js';
import type { TaskState } from '../asl.js';
import { checkedJson } from '../data/payload-limit.js';
import { StatesError, States, toStatesError } from '../errors.js';
import type { StateRun } from '../state-run.js';
import type { TaskContext } from '../types.js';
import { Deadline } from './deadline.js';
import { lambdaError } from './lambda.js';
import { resolveTask } from './resolve-handler.js';
import type { ParsedResource } from './resource.js';
import type { TokenWait } from './token-wait.js';

export interface TaskLimits {
  readonly timeoutSeconds?: number;
  readonly heartbeatSeconds?: number;
  readonly credentials?: Readonly<Record<string, unknown>>;
}

interface EventNames {
  readonly scheduled: HistoryEventType;
  readonly started: HistoryEventType;
  readonly succeeded: HistoryEventType;
  readonly failed: HistoryEventType;
  readonly timedOut: HistoryEventType;
}

const TASK_EVENTS: EventNames = {
  scheduled: 'TaskScheduled',
  started: 'TaskStarted',
  succeeded: 'TaskSucceeded',
  failed: 'TaskFailed',
  timedOut: 'TaskTimedOut',
};
const LAMBDA_EVENTS: EventNames = {
  scheduled: 'LambdaFunctionScheduled',
  started: 'LambdaFunctionStarted',
  succeeded: 'LambdaFunctionSucceeded',
  failed: 'LambdaFunctionFailed',
  timedOut: 'LambdaFunctionTimedOut',
};
const ACTIVITY_EVENTS: EventNames = {
  scheduled: 'ActivityScheduled',
  started: 'ActivityStarted',
  succeeded: 'ActivitySucceeded',
  failed: 'ActivityFailed',
  timedOut: 'ActivityTimedOut',
};

/**
 * Runs one attempt of a Task's work and records its events as Step Functions does: scheduled,
 * started, (submitted, for a task token), then succeeded / failed / timed out. The work races the
 * task's TimeoutSeconds and HeartbeatSeconds on the execution's clock and the execution's stop.
 */
export async function invokeTask(
  run: StateRun<TaskState>,
  parsed: ParsedResource,
  input: unknown,
  limits: TaskLimits,
  wait?: TokenWait,
): Promise<unknown> {
  const resolved = resolveTask(run, parsed, input);
  const events = parsed.kind === 'lambda' ? LAMBDA_EVENTS : parsed.kind === 'activity' ? ACTIVITY_EVENTS : TASK_EVENTS;
  const isTask = events === TASK_EVENTS;
  const resourceDetails = isTask ? { resourceType: parsed.resourceType, resource: parsed.resourceName } : {};
  const inputJson = JSON.stringify(input ?? null);
  // The work gets its own copy of the input, as across Step Functions' process boundary: a handler
  // that mutates it cannot change the state's data (ResultPath merges into it) or a sibling branch's.
  const handlerInput: unknown = input === undefined ? undefined : JSON.parse(inputJson);
  const { clock } = run.execution;

  run.record(
    events.scheduled,
    isTask
      ? {
          ...resourceDetails,
          region: run.execution.identity.region,
          parameters: inputJson,
          ...(limits.timeoutSeconds !== undefined ? { timeoutInSeconds: limits.timeoutSeconds } : {}),
          ...(limits.heartbeatSeconds !== undefined ? { heartbeatInSeconds: limits.heartbeatSeconds } : {}),
          ...(limits.credentials?.RoleArn ? { taskCredentials: { roleArn: limits.credentials.RoleArn } } : {}),
        }
      : {
          resource: parsed.arn,
          input: inputJson,
          inputDetails: { truncated: false },
          ...(limits.timeoutSeconds !== undefined ? { timeoutInSeconds: limits.timeoutSeconds } : {}),
          ...(parsed.kind === 'activity' && limits.heartbeatSeconds !== undefined ? { heartbeatInSeconds: limits.heartbeatSeconds } : {}),
        },
  );
  run.record(events.started, isTask ? resourceDetails : parsed.kind === 'activity' ? { workerName: 'local' } : undefined);

  const controller = new LinkedController(run.signal);
  const timeout =
    limits.timeoutSeconds !== undefined
      ? new Deadline(
          clock,
          limits.timeoutSeconds * 1000,
          () =>
            new StatesError(
              States.Timeout,
              `The task of state '${run.name}' ran longer than its TimeoutSeconds (${limits.timeoutSeconds}).`,
            ),
        )
      : undefined;
  const heartbeat =
    limits.heartbeatSeconds !== undefined
      ? new Deadline(
          clock,
          limits.heartbeatSeconds * 1000,
          () =>
            new StatesError(
              States.HeartbeatTimeout,
              `The task of state '${run.name}' sent no heartbeat for ${limits.heartbeatSeconds} seconds.`,
            ),
        )
      : undefined;
  if (wait) wait.onHeartbeat = () => heartbeat?.beat();

  const context: TaskContext = {
    resource: parsed.arn,
    stateName: run.name,
    ...(wait ? { taskToken: wait.token } : {}),
    signal: controller.signal,
    heartbeat: () => heartbeat?.beat(),
    contextObject: run.context(),
  };

  let timedOut = false;
  try {
    const call = clock.track(Promise.resolve().then(() => resolved.handler(handlerInput, context)));
    const work = wait
      ? call.then((submitted) => {
          run.record('TaskSubmitted', {
            ...resourceDetails,
            output: JSON.stringify(submitted ?? null),
            outputDetails: { truncated: false },
          });
          return wait.answer;
        })
      : call;
    const deadlines = [timeout?.expired, heartbeat?.expired].filter((p): p is Promise<never> => p !== undefined);
    const result = await Promise.race([abortable(work, run.signal), ...deadlines]);
    const output = checkedJson(result, `The result of the task in state '${run.name}'`);
    run.record(events.succeeded, { ...resourceDetails, output, outputDetails: { truncated: false } });
    // The state keeps the result as the JSON text it was checked as, not the handler's object (which
    // the handler may still hold and change).
    return JSON.parse(output) as unknown;
  } catch (thrown) {
    if (thrown instanceof Aborted) throw thrown;
    const error = thrown instanceof StatesError ? thrown : resolved.lambdaErrors ? lambdaError(thrown) : toStatesError(thrown);
    timedOut = error.error === States.Timeout || error.error === States.HeartbeatTimeout;
    run.record(timedOut ? events.timedOut : events.failed, { ...resourceDetails, error: error.error, cause: error.cause });
    throw error;
  } finally {
    timeout?.stop();
    heartbeat?.stop();
    controller.abort(new Aborted('the task ended'));
    controller.dispose();
    wait?.close(timedOut ? 'timedOut' : 'done');
  }
}
