import type { TaskHandler } from '@typestep/local';
import type { LambdaContext } from '@typestep/runtime-handlers/handlers';

/** Lambda's longest timeout: what a handler sees as time left on every call (these runs end far sooner). */
const LAMBDA_TIMEOUT_MS = 15 * 60_000;

/**
 * A Lambda handler bound as an engine task: called as Lambda calls it, with the event and a
 * Lambda context. (The engine's own TaskContext has no getRemainingTimeInMillis, which
 * list-objects reads to stop before its time limit.)
 */
export function lambdaTask(handler: (event: unknown, context?: LambdaContext) => Promise<unknown>): TaskHandler {
  const context: LambdaContext = { getRemainingTimeInMillis: () => LAMBDA_TIMEOUT_MS };
  return (event) => handler(event, context);
}
