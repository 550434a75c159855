import type { ChoiceRule, ChoiceState, Template } from '../asl.js';
import { evaluateJsonata } from '../data/jsonata.js';
import { StatesError, States } from '../errors.js';
import type { StateRun, Transition } from '../state-run.js';
import { choiceRuleMatches } from './choice-rule.js';
import { passThroughTransition, selectedInput, type OutputFields } from './state-io.js';

/**
 * Choice: the first rule that matches names the next state; otherwise Default, or
 * States.NoChoiceMatched. The state's own Assign applies whichever way it goes, with a matched
 * rule's Assign on top (the rule's value wins for a name both assign); its Output applies unless
 * the matched rule has an Output of its own (AWS: "Choice workflow state").
 */
export async function runChoice(run: StateRun<ChoiceState>): Promise<Transition> {
  const selected = selectedInput(run);
  for (const rule of run.state.Choices) {
    const matched =
      run.language === 'JSONPath' ? choiceRuleMatches(rule, run.pathScope(selected), run.name) : await conditionHolds(run, rule);
    if (matched) return passThroughTransition(run, selected, rule.Next, ruleFields(run, rule));
  }
  if (run.state.Default === undefined) {
    throw new StatesError(
      States.NoChoiceMatched,
      `No Matches! The Choice state '${run.name}' found no rule that matched its input, and has no Default.`,
    );
  }
  return passThroughTransition(run, selected, run.state.Default);
}

/** By rule: the Assign and Output a match applies, built once (payload templates are compiled by identity). */
const combined = new WeakMap<ChoiceRule, OutputFields>();

function ruleFields(run: StateRun<ChoiceState>, rule: ChoiceRule): OutputFields {
  let fields = combined.get(rule);
  if (!fields) {
    const output = rule.Output !== undefined ? rule.Output : run.state.Output;
    fields = {
      ...(output !== undefined ? { Output: output } : {}),
      ...(run.state.Assign !== undefined || rule.Assign !== undefined
        ? { Assign: mergeAssign(run.state.Assign, rule.Assign, run.language === 'JSONPath') }
        : {}),
    };
    combined.set(rule, fields);
  }
  return fields;
}

type Assign = Readonly<Record<string, Template>>;

/** The state's Assign with the rule's on top, per variable name (in JSONPath `total.$` and `total` name one variable). */
function mergeAssign(state: Assign | undefined, rule: Assign | undefined, jsonPath: boolean): Assign {
  if (!state) return rule!;
  if (!rule) return state;
  const variable = (key: string) => (jsonPath && key.endsWith('.$') ? key.slice(0, -2) : key);
  const overridden = new Set(Object.keys(rule).map(variable));
  return { ...Object.fromEntries(Object.entries(state).filter(([key]) => !overridden.has(variable(key)))), ...rule };
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
