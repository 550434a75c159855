import { BOOLEAN_OPERATORS, COMPARISON_OPERATORS } from '../../asl/index.js';
import { capitalize, quoteList } from '../text.js';
import { describePlace, describeState, type ValidationContext } from '../context.js';
import { has } from './walk.js';
import { forEachChoiceRule } from './walk.js';

const COMPARISONS = new Set<string>(COMPARISON_OPERATORS);
const BOOLEANS = new Set<string>(BOOLEAN_OPERATORS);

/**
 * STEP301 (no rules), STEP104 (a top-level rule without Next), STEP302 (a nested rule with Next),
 * STEP303 (a rule without exactly one operator; in JSONata, without Condition) and STEP304
 * (a comparison without Variable, or a boolean rule with one).
 */
export function checkChoiceRules(context: ValidationContext): void {
  for (const state of context.model.states) {
    if (state.type !== 'Choice' || !state.object) continue;
    const choices = state.object.Choices;
    if (Array.isArray(choices) && choices.length === 0) {
      context.report(
        'STEP301',
        [...state.location, 'Choices'],
        `${capitalize(describeState(state))} has no rules: "Choices" is empty. Add at least one rule${
          state.queryLanguage === 'JSONata' ? ' ("Condition" and "Next")' : ' (for example "Variable", "StringEquals" and "Next")'
        }, or replace the Choice with a Pass state.`,
      );
    }
    forEachChoiceRule(state, (rule, location, depth) => {
      if (depth === 0 && !has(rule, 'Next')) {
        context.report(
          'STEP104',
          location,
          `${capitalize(describePlace(context, location))} has no "Next". Add "Next" with the state to go to when the rule matches.`,
        );
      }
      if (depth > 0 && has(rule, 'Next')) {
        context.report(
          'STEP302',
          [...location, 'Next'],
          `${capitalize(describePlace(context, location))} has "Next", but it is nested inside "And", "Or" or "Not"; only the top-level rule decides where to go. Remove this "Next" and put it on the enclosing rule in "Choices".`,
        );
      }
      if (state.queryLanguage === 'JSONata') {
        if (!has(rule, 'Condition')) {
          context.report(
            'STEP303',
            location,
            `${capitalize(describePlace(context, location))} has no "Condition". In a JSONata Choice state each rule needs "Condition": "{% … %}" (or true/false).`,
          );
        }
        return;
      }
      const operators = Object.keys(rule).filter((key) => COMPARISONS.has(key) || BOOLEANS.has(key));
      if (operators.length === 0) {
        context.report(
          'STEP303',
          location,
          `${capitalize(describePlace(context, location))} has no comparison. Add "Variable" with one operator such as "StringEquals", "NumericLessThan" or "IsPresent", or combine rules with "And", "Or" or "Not".`,
        );
        return;
      }
      if (operators.length > 1) {
        context.report(
          'STEP303',
          [...location, operators[1]!],
          `${capitalize(describePlace(context, location))} has ${operators.length} operators (${quoteList(operators)}); a rule tests exactly one. Split it into separate rules, or combine them with "And".`,
        );
        return;
      }
      const operator = operators[0]!;
      if (COMPARISONS.has(operator) && !has(rule, 'Variable')) {
        context.report(
          'STEP304',
          location,
          `${capitalize(describePlace(context, location))} uses "${operator}" but has no "Variable". Add "Variable" with the path of the value to test, e.g. "$.status".`,
        );
      } else if (BOOLEANS.has(operator) && has(rule, 'Variable')) {
        context.report(
          'STEP304',
          [...location, 'Variable'],
          `${capitalize(describePlace(context, location))} combines rules with "${operator}" but also has "Variable", which only comparisons use. Move "Variable" into the nested rules.`,
        );
      }
    });
  }
}
