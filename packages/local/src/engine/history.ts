import type { HistoryEventType } from '@aws-sdk/client-sfn';
import type { Clock, HistoryEvent } from './types.js';

/** Where in the history a thread of work is: the id of its last event (0 before the first). */
export interface Thread {
  lastEventId: number;
}

const detailsFields = new Map<string, string>();

/** `TaskStateEntered` → `stateEnteredEventDetails`: the detail field AWS uses for each event type. */
function detailsField(type: HistoryEventType): string {
  let field = detailsFields.get(type);
  if (field === undefined) {
    field = detailsFieldOf(type);
    detailsFields.set(type, field);
  }
  return field;
}

function detailsFieldOf(type: HistoryEventType): string {
  const shared: Partial<Record<string, string>> = {
    MapIterationStarted: 'mapIterationStartedEventDetails',
    MapIterationSucceeded: 'mapIterationSucceededEventDetails',
    MapIterationFailed: 'mapIterationFailedEventDetails',
    MapIterationAborted: 'mapIterationAbortedEventDetails',
  };
  if (shared[type]) return shared[type];
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return `${type[0]!.toLowerCase()}${type.slice(1)}EventDetails`;
}

/**
 * The execution's history: events numbered from 1, each pointing at the previous event of its own
 * thread (a Parallel branch or Map iteration continues from the event that started it), time-stamped
 * by the execution's clock and handed to `onEvent` as they are recorded.
 */
export class History {
  readonly events: HistoryEvent[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly onEvent: ((event: HistoryEvent) => void) | undefined,
  ) {}

  record(thread: Thread, type: HistoryEventType, details?: object): HistoryEvent {
    const event: HistoryEvent = { timestamp: this.clock.now(), type, id: this.events.length + 1, previousEventId: thread.lastEventId };
    if (details) (event as unknown as Record<string, unknown>)[detailsField(type)] = details;
    this.events.push(event);
    thread.lastEventId = event.id!;
    this.onEvent?.(event);
    return event;
  }
}

/** AWS's `input`/`output` detail pair: the JSON text and whether it was cut. */
export function dataDetails(key: 'input' | 'output', value: unknown): Record<string, unknown> {
  return { [key]: JSON.stringify(value ?? null), [`${key}Details`]: { truncated: false } };
}
