import type { ExecutionResult } from '@typestep/local';

/** The names of the states an execution entered, in order (nested ones included). */
export function statesEntered(result: ExecutionResult): string[] {
  return result.events.filter((event) => event.type?.endsWith('StateEntered')).map((event) => event.stateEnteredEventDetails!.name!);
}

/** The events of one type, in order. */
export function eventsOf(result: ExecutionResult, type: string): ExecutionResult['events'] {
  return result.events.filter((event) => event.type === type);
}
