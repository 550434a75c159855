import type { DescribeExecutionOutput, HistoryEvent, SFN } from '@aws-sdk/client-sfn';
import { setTimeout as sleep } from 'node:timers/promises';

/** The events that end an execution's history. */
const END_EVENTS = new Set(['ExecutionSucceeded', 'ExecutionFailed', 'ExecutionTimedOut', 'ExecutionAborted']);

/** Polling: again at once while events come, then less often, up to every 2 seconds. */
const FIRST_DELAY_MS = 200;
const MAX_DELAY_MS = 2000;

/**
 * Follows an execution's history (GetExecutionHistory) until it ends, handing each event to
 * `onEvent` once, in order, as it appears; resolves to the ended execution (DescribeExecution).
 */
export async function watchExecution(sfn: SFN, executionArn: string, onEvent: (event: HistoryEvent) => void): Promise<DescribeExecutionOutput> {
  let lastId = 0;
  let delay = FIRST_DELAY_MS;
  const follow = async () => {
    const fresh = await eventsAfter(sfn, executionArn, lastId);
    for (const event of fresh) {
      onEvent(event);
      lastId = event.id ?? lastId;
    }
    return fresh;
  };
  for (;;) {
    const fresh = await follow();
    if (fresh.some((event) => END_EVENTS.has(event.type ?? ''))) break;
    if (fresh.length === 0) {
      // A history may lack its end event (an endpoint that stopped mid-execution): ask for the status too.
      const { status } = await sfn.describeExecution({ executionArn });
      if (status !== 'RUNNING') {
        await follow();
        break;
      }
    }
    await sleep(delay);
    delay = fresh.length > 0 ? FIRST_DELAY_MS : Math.min(MAX_DELAY_MS, delay * 1.5);
  }
  return sfn.describeExecution({ executionArn });
}

/**
 * The events with an id above `lastId`, oldest first. Read newest first (reverseOrder), page by
 * page, until an event already seen: each poll costs what is new, not the whole history again.
 */
async function eventsAfter(sfn: SFN, executionArn: string, lastId: number): Promise<HistoryEvent[]> {
  const fresh: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await sfn.getExecutionHistory({ executionArn, reverseOrder: true, maxResults: 100, ...(nextToken !== undefined && { nextToken }) });
    for (const event of page.events ?? []) {
      if ((event.id ?? 0) <= lastId) return fresh.reverse();
      fresh.push(event);
    }
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  return fresh.reverse();
}
