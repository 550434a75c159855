import type { HistoryEventType } from '@aws-sdk/client-sfn';
import { Aborted } from './abort.js';
import type { Branch, State } from './asl.js';
import { checkedJson } from './data/payload-limit.js';
import { StateRun, type Frame, type Transition } from './state-run.js';
import { runChoice } from './states/choice.js';
import { runFail } from './states/fail.js';
import { runMap } from './states/map.js';
import { runParallel } from './states/parallel.js';
import { runPass } from './states/pass.js';
import { runSucceed } from './states/succeed.js';
import { runTask } from './states/task.js';
import { runWait } from './states/wait.js';

type Runner = (run: StateRun<never>) => Promise<Transition>;

const RUNNERS: Readonly<Record<State['Type'], Runner>> = {
  Task: runTask,
  Pass: runPass,
  Wait: runWait,
  Choice: runChoice,
  Succeed: runSucceed,
  Fail: runFail,
  Parallel: runParallel,
  Map: runMap,
};

/** The history event types of each state type; AWS records `<Type>StateAborted` for Task, Wait, Map and Parallel only. */
const EVENTS = Object.fromEntries(
  Object.keys(RUNNERS).map((type) => [
    type,
    {
      entered: `${type}StateEntered` as HistoryEventType,
      exited: `${type}StateExited` as HistoryEventType,
      aborted: ['Task', 'Wait', 'Map', 'Parallel'].includes(type) ? (`${type}StateAborted` as HistoryEventType) : undefined,
    },
  ]),
) as Readonly<Record<State['Type'], { entered: HistoryEventType; exited: HistoryEventType; aborted: HistoryEventType | undefined }>>;

/**
 * Runs a state machine, a Parallel branch or a Map iteration from StartAt until a state ends it,
 * and returns its output. A failure propagates as a StatesError to whatever runs the frame.
 */
export async function runStates(frame: Frame, machine: Branch, input: unknown): Promise<unknown> {
  let name = machine.StartAt;
  let data = input;
  let json: string | undefined;
  for (;;) {
    if (frame.signal.aborted) throw new Aborted('aborted');
    const run = new StateRun(frame, name, machine.States[name]! as State, data);
    const { transition, outputJson } = await runState(run, json);
    if (transition.next === undefined) return transition.output;
    name = transition.next;
    data = transition.output;
    json = outputJson;
  }
}

/** Runs one state between its Entered and Exited events; `inputJson` is the input's text when known. */
async function runState(run: StateRun, inputJson: string | undefined): Promise<{ transition: Transition; outputJson: string }> {
  const type = run.state.Type;
  const events = EVENTS[type];
  const input = inputJson ?? JSON.stringify(run.rawInput ?? null);
  run.enteredTime = run.record(events.entered, { name: run.name, input, inputDetails: { truncated: false } }).timestamp!;
  let transition: Transition;
  try {
    transition = await RUNNERS[type](run as StateRun<never>);
  } catch (thrown) {
    if (thrown instanceof Aborted && events.aborted) run.record(events.aborted);
    throw thrown;
  }
  const output = checkedJson(transition.output, `The output of state '${run.name}'`);
  let assigned: Record<string, string> | undefined;
  if (transition.assign) {
    assigned = Object.fromEntries(Object.entries(transition.assign).map(([key, value]) => [key, JSON.stringify(value)]));
    checkedJson(transition.assign, `The variables assigned by state '${run.name}'`);
    run.frame.variables.assign(transition.assign);
  }
  run.record(events.exited, {
    name: run.name,
    output,
    outputDetails: { truncated: false },
    ...(assigned ? { assignedVariables: assigned, assignedVariablesDetails: { truncated: false } } : {}),
  });
  return { transition, outputJson: output };
}
