import type { ValidationContext } from '../context.js';
import { expressionAnalysis, type ExpressionFacts } from '../jsonata/analyze-expression.js';
import { forEachExpressionSite, type ExpressionSite } from '../jsonata/expression-sites.js';
import { JSONATA_FOR_INTRINSIC, UNAVAILABLE_FUNCTIONS } from '../jsonata/functions.js';
import { readJsonataString } from '../jsonata/jsonata-string.js';
import { quoteList, truncate } from '../text.js';
import { where } from './path-check.js';

/**
 * The `{% … %}` strings of JSONata states, each parsed with the `jsonata` package: STEP509 a
 * string that is not exactly one expression, STEP508 one that does not parse, STEP510 a JSONPath
 * intrinsic function inside it, STEP511 a read of the (absent) top-level context or of `$$`,
 * STEP512 a `$states` field that has no value there, STEP513 a JSONata function Step Functions
 * leaves out. Each is an error AWS reports when the state machine is created.
 */
export function checkJsonataExpressions(context: ValidationContext): void {
  for (const state of context.model.states) {
    forEachExpressionSite(state, (site) => checkSite(context, site));
  }
}

function checkSite(context: ValidationContext, site: ExpressionSite): void {
  const read = readJsonataString(site.text);
  if (read.kind === 'literal') return;
  if (read.kind === 'malformed') {
    context.report('STEP509', site.location, `${where(context, site.location)} is ${shown(site.text)}, which ${read.problem}.`);
    return;
  }
  const analysis = expressionAnalysis(context.model, read.body);
  if (!analysis.ok) {
    // jsonata counts from 1 within the body; the string adds its "{%" in front.
    const at = analysis.position === undefined ? 'in' : `at character ${analysis.position + 2} of`;
    context.report(
      'STEP508',
      site.location,
      `${where(context, site.location)} is not a valid JSONata expression: ${analysis.message} (${at} ${shown(site.text)}). Fix the expression's syntax.`,
    );
    return;
  }
  checkFacts(context, site, analysis.facts);
}

function checkFacts(context: ValidationContext, site: ExpressionSite, facts: ExpressionFacts): void {
  const field = where(context, site.location);
  for (const intrinsic of facts.intrinsics) {
    const instead = JSONATA_FOR_INTRINSIC[intrinsic];
    context.report(
      'STEP510',
      site.location,
      `${field} calls the intrinsic function ${intrinsic} inside a JSONata expression, but intrinsic functions belong to JSONPath states. ${
        instead ? `Use the JSONata equivalent: ${instead}.` : 'Use a JSONata function instead (https://docs.jsonata.org).'
      }`,
    );
  }
  for (const read of facts.contextReads) {
    const advice =
      read === '$'
        ? 'read the state input as $states.input'
        : CONTEXT_SYMBOLS.has(read)
          ? 'start the path from $states.input'
          : `read the input field as $states.input.${read}, or a variable as $${read}`;
    context.report(
      'STEP511',
      site.location,
      `${field} reads ${JSON.stringify(read)} at the top level of a JSONata expression, but Step Functions evaluates JSONata with no context value: ${advice}.`,
    );
  }
  if (facts.usesRoot) {
    context.report(
      'STEP511',
      site.location,
      `${field} uses "$$", which Step Functions does not support in JSONata. Read the Context Object as $states.context and the state input as $states.input.`,
    );
  }
  for (const name of facts.statesFields) {
    const problem = statesFieldProblem(name, site);
    if (problem) context.report('STEP512', site.location, `${field} reads $states.${name}, ${problem}.`);
  }
  for (const name of facts.unavailable) {
    context.report('STEP513', site.location, `${field} calls $${name}, but ${UNAVAILABLE_FUNCTIONS[name]}.`);
  }
}

/** Context reads that are not field names: the wildcard, the descendant wildcard, the parent operator. */
const CONTEXT_SYMBOLS = new Set(['*', '**', '%']);

function statesFieldProblem(name: string, site: ExpressionSite): string | undefined {
  switch (name) {
    case 'input':
    case 'context':
      return undefined;
    case 'result':
      return site.result
        ? undefined
        : site.errorOutput
          ? 'which a Catch does not have: the state failed, so there is no result. Read the error as $states.errorOutput'
          : 'which has a value only in the "Output" and "Assign" of a Task, Parallel or Map state, after its work is done. Read the result there, or use $states.input';
    case 'errorOutput':
      return site.errorOutput
        ? undefined
        : 'which has a value only in the "Output" and "Assign" of a Catch. Move this into the Catch that handles the error';
    default:
      return `but $states has only ${quoteList(['input', 'context', 'result', 'errorOutput'])}`;
  }
}

function shown(text: string): string {
  return JSON.stringify(truncate(text, 80));
}
