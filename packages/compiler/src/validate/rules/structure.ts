import type { z } from 'zod';
import { STATE_SCHEMAS, STATE_TYPES, StateMachineSchema, type StateType } from '../../asl/index.js';
import { describeField, describePlace, describeState, type ValidationContext } from '../context.js';
import { valueAt, type Location } from '../model.js';
import { isWholePlaceholder } from '../placeholders.js';
import { accepts } from '../schema-accepts.js';
import { allowedKeys, expectationOf, schemaAt } from '../schema-walk.js';
import { capitalize, closest, describeValue, orList, quoteList } from '../text.js';

/**
 * STEP203–STEP206: the definition checked against the ASL model (asl/), each zod issue turned
 * into a sentence that names the state and the field, says what was found and what to do.
 */
export function checkStructure(context: ValidationContext): void {
  const definition = context.model.definition;
  if (accepts(StateMachineSchema, definition)) return;
  const result = StateMachineSchema.safeParse(definition);
  if (result.success) return;
  for (const issue of result.error.issues) translate(context, issue, issue.path as (string | number)[]);
}

type Issue = z.core.$ZodIssue;

const TOP_LEVEL_FIELDS = new Set(['Comment', 'StartAt', 'States', 'Version', 'TimeoutSeconds', 'QueryLanguage']);

/** What to add for a missing required field. */
const MISSING_HINTS: { [field: string]: string } = {
  StartAt: 'Add "StartAt" with the name of the first state to run.',
  States: 'Add "States": an object with at least one state.',
  Type: `Add "Type": one of ${orList(STATE_TYPES)}.`,
  Resource: 'Add "Resource" with the ARN of the Lambda function, activity or service integration (arn:aws:states:::…) to call.',
  Choices: 'Add "Choices": a list of rules, each with a condition and a "Next".',
  Branches: 'Add "Branches": a list of state machines, each with "StartAt" and "States".',
  ErrorEquals: 'Add "ErrorEquals": a list of error names, e.g. ["States.ALL"].',
  Next: 'Add "Next" with the name of the state to go to.',
};

function translate(context: ValidationContext, issue: Issue, location: Location): void {
  const definition = context.model.definition;
  const value = valueAt(definition, location);
  // "Seconds": "${WaitSeconds}": CloudFormation's DefinitionSubstitutions take string, integer or
  // boolean values, and a placeholder that is a whole JSON string is replaced by the typed value
  // (AWS's own human-task-reminder sample relies on it). The type is only known at deployment.
  if (typeof value === 'string' && isWholePlaceholder(value) && issue.code !== 'unrecognized_keys') return;
  switch (issue.code) {
    case 'unrecognized_keys': {
      for (const key of issue.keys) unknownField(context, [...location, key]);
      return;
    }
    case 'invalid_union': {
      if (issue.discriminator === 'Type') return stateType(context, location.slice(0, -1));
      return wrongType(context, location, value, expectationOf(schemaAt(definition, location)) ?? issue.message);
    }
    case 'invalid_type': {
      if (value === undefined) return missingField(context, location);
      if (issue.expected === 'object' && isStateLocation(context, location)) return stateNotObject(context, location, value);
      return wrongType(context, location, value, expectationOf(schemaAt(definition, location)) ?? expectedPhrase(issue.expected));
    }
    case 'invalid_format': {
      return wrongType(context, location, value, expectationOf(schemaAt(definition, location)) ?? issue.message);
    }
    case 'invalid_value': {
      const options = issue.values.map((option) => JSON.stringify(option));
      const suggestion = typeof value === 'string' ? closest(value, issue.values.map(String)) : undefined;
      context.report(
        'STEP204',
        location,
        `${capitalize(describeField(context, location))} must be ${options.length === 1 ? options[0] : `one of ${options.join(', ')}`}, but is ${describeValue(value)}.${suggestion ? ` Did you mean "${suggestion}"?` : ''}`,
      );
      return;
    }
    case 'too_small':
    case 'too_big': {
      const field = location.at(-1);
      let expected: string;
      if (issue.origin === 'array') {
        expected =
          field === 'ErrorEquals'
            ? 'a list of at least one error name, e.g. ["States.ALL"]'
            : field === 'And' || field === 'Or'
              ? 'a list of at least one nested rule'
              : `a list of at least ${Number((issue as { minimum?: number }).minimum ?? 1)} item(s)`;
      } else {
        expected =
          issue.code === 'too_small'
            ? `at least ${Number(issue.minimum)}${issue.inclusive === false ? ' (exclusive)' : ''}`
            : `at most ${Number(issue.maximum)}`;
      }
      context.report(
        'STEP204',
        location,
        `${capitalize(describeField(context, location))} must be ${expected}, but is ${describeValue(value)}.`,
      );
      return;
    }
    default:
      context.report('STEP204', location, `${capitalize(describeField(context, location))} is invalid: ${issue.message}.`);
  }
}

function missingField(context: ValidationContext, location: Location): void {
  const field = String(location.at(-1));
  const holder = location.slice(0, -1);
  const where = describePlace(context, holder);
  const hint = MISSING_HINTS[field] ?? `Add "${field}".`;
  context.report('STEP203', location, `${capitalize(where)} is missing the required field "${field}". ${hint}`);
}

function wrongType(context: ValidationContext, location: Location, value: unknown, expected: string): void {
  context.report(
    'STEP204',
    location,
    `${capitalize(describeField(context, location))} must be ${expected}, but is ${describeValue(value)}. ${
      typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)
        ? `Change it to the number ${value}, without quotes.`
        : `Replace it with ${expected}.`
    }`,
  );
}

function stateType(context: ValidationContext, location: Location): void {
  const state = context.stateAt(location);
  const name = state?.name ?? String(location.at(-1));
  const type = state?.object?.Type;
  if (type === undefined) {
    context.report('STEP203', [...location, 'Type'], `State "${name}" has no "Type". ${MISSING_HINTS.Type}`);
    return;
  }
  const suggestion = typeof type === 'string' ? closest(type, STATE_TYPES) : undefined;
  context.report(
    'STEP206',
    [...location, 'Type'],
    `State "${name}" has the unknown Type ${JSON.stringify(type)}. ${suggestion ? `Did you mean "${suggestion}"? ` : ''}The state types are ${quoteList(STATE_TYPES)}.`,
  );
}

function isStateLocation(context: ValidationContext, location: Location): boolean {
  return location.length >= 2 && location.at(-2) === 'States' && context.stateAt(location)?.location.length === location.length;
}

function stateNotObject(context: ValidationContext, location: Location, value: unknown): void {
  const name = String(location.at(-1));
  const misplaced =
    TOP_LEVEL_FIELDS.has(name) && location.length === 2
      ? ` "${name}" is a top-level field of the definition: move it out of "States", next to "StartAt".`
      : ' Write the state as an object with a "Type" and its fields.';
  context.report('STEP204', location, `State "${name}" must be a JSON object, but is ${describeValue(value)}.${misplaced}`);
}

/** STEP205 for a field the schema does not have, with where it *is* allowed or what was probably meant. */
function unknownField(context: ValidationContext, location: Location): void {
  const field = String(location.at(-1));
  const holder = location.slice(0, -1);
  const allowed = allowedKeys(schemaAt(context.model.definition, holder)) ?? [];
  const state = context.stateAt(location);
  const isStateField = state !== undefined && state.location.length === holder.length && state.type !== undefined;
  if (isStateField && state.type) {
    const type = state.type;
    const owner = describeState(state);
    const elsewhere = STATE_TYPES.filter((other) => other !== type && field in STATE_SCHEMAS[other].shape);
    let advice: string;
    if ((field === 'Next' || field === 'End') && type === 'Choice') {
      advice = `A Choice state moves on through each rule's "Next" and its "Default"; remove "${field}".`;
    } else if ((field === 'Next' || field === 'End') && (type === 'Succeed' || type === 'Fail')) {
      advice = `${type} states end the execution by themselves; remove "${field}".`;
    } else if (elsewhere.length > 0) {
      advice = `Only ${quoteList(elsewhere, false)} states have "${field}"; remove it from "${state.name}"${hintFor(field, type)}.`;
    } else {
      const suggestion = closest(field, allowed);
      advice = suggestion ? `Did you mean "${suggestion}"?` : `Remove it; a ${type} state allows ${quoteList(allowed)}.`;
    }
    context.report('STEP205', location, `${capitalize(owner)} does not allow the field "${field}". ${advice}`);
    return;
  }
  const suggestion = closest(field, allowed);
  const advice = suggestion
    ? `Did you mean "${suggestion}"?`
    : allowed.length > 0
      ? `Remove it; the fields allowed here are ${quoteList(allowed)}.`
      : 'Remove it.';
  context.report('STEP205', location, `${capitalize(describeField(context, location))} is not a known field. ${advice}`);
}

/** What to use instead of a field the state type does not have. */
function hintFor(field: string, type: StateType): string {
  if (type === 'Pass' && field === 'ResultSelector')
    return ' (a Pass state has no task result to select from: shape its output with "Parameters" or "Result")';
  if (type === 'Pass' && (field === 'Retry' || field === 'Catch'))
    return ' (a Pass state cannot fail, so it has nothing to retry or catch)';
  if (type === 'Fail' && (field === 'Parameters' || field === 'InputPath' || field === 'OutputPath' || field === 'ResultPath'))
    return ' (a Fail state produces no output; use "Error"/"Cause" or "ErrorPath"/"CausePath")';
  return '';
}

function expectedPhrase(expected: string): string {
  switch (expected) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'object':
    case 'record':
      return 'a JSON object';
    case 'array':
      return 'an array';
    case 'null':
      return 'null';
    default:
      return expected;
  }
}
