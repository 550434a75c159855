import { capitalize } from '../text.js';
import { describeField, type ValidationContext } from '../context.js';

/**
 * STEP405: TimeoutSeconds (a Task's, or the state machine's) and HeartbeatSeconds are positive
 * integers. STEP406: a Task's HeartbeatSeconds must be smaller than its TimeoutSeconds.
 */
export function checkTimeouts(context: ValidationContext): void {
  const top = context.model.definition.TimeoutSeconds;
  if (typeof top === 'number' && top < 1) tooSmall(context, ['TimeoutSeconds'], top);
  for (const state of context.model.states) {
    if (state.type !== 'Task' || !state.object) continue;
    const { TimeoutSeconds: timeout, HeartbeatSeconds: heartbeat } = state.object;
    if (typeof timeout === 'number' && timeout < 1) tooSmall(context, [...state.location, 'TimeoutSeconds'], timeout);
    if (typeof heartbeat === 'number' && heartbeat < 1) tooSmall(context, [...state.location, 'HeartbeatSeconds'], heartbeat);
    if (typeof timeout === 'number' && typeof heartbeat === 'number' && timeout >= 1 && heartbeat >= 1 && heartbeat >= timeout) {
      context.report(
        'STEP406',
        [...state.location, 'HeartbeatSeconds'],
        `${capitalize(describeField(context, [...state.location, 'HeartbeatSeconds']))} is ${heartbeat}, which is not less than its TimeoutSeconds (${timeout}); the task would time out before a missed heartbeat could be noticed. Make HeartbeatSeconds smaller than TimeoutSeconds.`,
      );
    }
  }
}

function tooSmall(context: ValidationContext, location: readonly (string | number)[], value: number): void {
  context.report(
    'STEP405',
    location,
    `${capitalize(describeField(context, location))} is ${value}, but a timeout is a positive number of seconds. Use 1 or more.`,
  );
}
