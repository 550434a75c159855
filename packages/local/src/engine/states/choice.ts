import type { ChoiceRule, ChoiceState } from '../asl.js';
import { evaluateJsonata } from '../data/jsonata.js';
import { StatesError, States } from '../errors.js';
import type { StateRun, Transition } from '../state-run.js';
import { choiceRuleMatches } from './choice-rule.js';
import { passThroughTransition, selectedInput } from './state-io.js';

/**
 * Choice: the first rule that matches names the next state (and its Assign / Output apply);
 * otherwise Default (with the state's own Assign / Output), or States.NoChoiceMatched.
 */
export async function runChoice(run: StateRun<ChoiceState>): Promise<Transition> {
  const selected = selectedInput(run);
  for (const rule of run.state.Choices) {
    const matched =
      run.language === 'JSONPath' ? choiceRuleMatches(rule, run.pathScope(selected), run.name) : await conditionHolds(run, rule);
    if (matched) return passThroughTransition(run, selected, rule.Next, rule);
  }
  if (run.state.Default === undefined) {
    throw new StatesError(
      States.NoChoiceMatched,
      `No Matches! The Choice state '${run.name}' found no rule that matched its input, and has no Default.`,
    );
  }
  return passThroughTransition(run, selected, run.state.Default);
}

/** A JSONata rule's Condition. */
async function conditionHolds(run: StateRun<ChoiceState>, rule: ChoiceRule): Promise<boolean> {
  const result = await evaluateJsonata(String(rule.Condition), run.jsonataScope(), 'Condition');
  if (typeof result !== 'boolean') {
    throw new StatesError(
      States.QueryEvaluationError,
      `The Condition ${String(rule.Condition)} of Choice state '${run.name}' must give true or false, but gave ${JSON.stringify(result)}.`,
    );
  }
  return result;
}
