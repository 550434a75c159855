import { Aborted } from '../abort.js';
import type { WaitState } from '../asl.js';
import { evaluateJsonata, isJsonataExpression } from '../data/jsonata.js';
import { evaluatePath } from '../data/path-scope.js';
import { runtimeError } from '../errors.js';
import type { StateRun, Transition } from '../state-run.js';
import { passThroughTransition, selectedInput } from './state-io.js';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Wait: sleeps on the execution's clock for Seconds, or until Timestamp (each also as a path / JSONata). */
export async function runWait(run: StateRun<WaitState>): Promise<Transition> {
  const selected = selectedInput(run);
  const ms = await waitMs(run, selected);
  const { clock } = run.execution;
  await clock.sleep(ms, run.signal).catch(() => {
    throw new Aborted('aborted');
  });
  return passThroughTransition(run, selected, run.state.Next);
}

async function waitMs(run: StateRun<WaitState>, selected: unknown): Promise<number> {
  const { Seconds, SecondsPath, Timestamp, TimestampPath } = run.state;
  const read = (path: string) => {
    const found = evaluatePath(path, run.pathScope(selected));
    if (!found.found) throw runtimeError(run.name, `Invalid path '${path}': the Wait state's path references no value.`);
    return found.value;
  };
  const value = async (field: 'Seconds' | 'Timestamp', raw: unknown) =>
    run.language === 'JSONata' && isJsonataExpression(raw) ? evaluateJsonata(raw, run.jsonataScope(), field) : raw;

  if (Seconds !== undefined || SecondsPath !== undefined) {
    const seconds = SecondsPath !== undefined ? read(SecondsPath) : await value('Seconds', Seconds);
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
      throw runtimeError(run.name, `The Wait state's seconds must be a non-negative integer, but are ${JSON.stringify(seconds)}.`);
    }
    return seconds * 1000;
  }
  const timestamp = TimestampPath !== undefined ? read(TimestampPath) : await value('Timestamp', Timestamp);
  if (typeof timestamp !== 'string' || !RFC3339.test(timestamp) || Number.isNaN(Date.parse(timestamp))) {
    throw runtimeError(
      run.name,
      `The Wait state's timestamp must be an RFC 3339 date-time such as "2016-03-14T01:59:00Z", but is ${JSON.stringify(timestamp)}.`,
    );
  }
  return Math.max(0, Date.parse(timestamp) - run.execution.clock.now().getTime());
}
