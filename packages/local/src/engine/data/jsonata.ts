import { createHash, randomUUID } from 'node:crypto';
import { STEP_FUNCTIONS_JSONATA_FUNCTIONS, UNAVAILABLE_JSONATA_FUNCTIONS, type StepFunctionsJsonataFunction } from '@typestep/compiler';
import jsonata from 'jsonata';
import { StatesError, States } from '../errors.js';
import type { Variables } from '../variables.js';

/** What a JSONata expression of a state sees: `$states` and the workflow variables. */
export interface JsonataScope {
  readonly input: unknown;
  readonly result?: unknown;
  readonly errorOutput?: unknown;
  readonly context: unknown;
  readonly variables: Variables;
}

const EXPRESSION = /^\{%([\s\S]*)%\}$/;
const compiled = new Map<string, jsonata.Expression>();

export function isJsonataExpression(value: unknown): value is string {
  return typeof value === 'string' && EXPRESSION.test(value);
}

/** The functions Step Functions adds to JSONata: @typestep/compiler's list (the validator's), each implemented here. */
const IMPLEMENTATIONS = {
  partition: (items: unknown[], size: number) => {
    if (!Array.isArray(items) || !Number.isInteger(size) || size <= 0)
      throw new Error('$partition(array, size) needs an array and a positive integer size.');
    const chunks: unknown[][] = [];
    for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
    return chunks;
  },
  range: (start: number, end: number, step: number) => {
    if (![start, end, step].every(Number.isInteger) || step === 0)
      throw new Error('$range(start, end, step) needs integers and a step other than 0.');
    const length = Math.max(0, Math.floor((end - start) / step) + 1);
    if (length > 1000) throw new Error(`$range would make ${length} items; the limit is 1,000.`);
    return Array.from({ length }, (_, i) => start + i * step);
  },
  hash: (value: unknown, algorithm: string) => {
    const algorithms: Record<string, string> = {
      MD5: 'md5',
      'SHA-1': 'sha1',
      'SHA-256': 'sha256',
      'SHA-384': 'sha384',
      'SHA-512': 'sha512',
    };
    const name = algorithms[algorithm];
    if (!name) throw new Error(`$hash: the algorithm must be one of ${Object.keys(algorithms).join(', ')}.`);
    return createHash(name)
      .update(typeof value === 'string' ? value : JSON.stringify(value))
      .digest('hex');
  },
  random: (seed?: number) => {
    if (seed === undefined) return Math.random();
    let t = (seed + 0x6d2b79f5) >>> 0;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  },
  uuid: () => randomUUID(),
  parse: (text: string) => JSON.parse(text),
} satisfies { readonly [name in StepFunctionsJsonataFunction]: (...args: never[]) => unknown };

/**
 * What every expression is evaluated with besides the variables: Step Functions' functions, and
 * the JSONata built-ins Step Functions leaves out (`$eval`) made to fail as they do there.
 */
const STEP_FUNCTIONS_FUNCTIONS: Readonly<Record<string, unknown>> = {
  ...Object.fromEntries(Object.entries(UNAVAILABLE_JSONATA_FUNCTIONS).map(([name, instead]) => [name, unavailable(name, instead)])),
  ...Object.fromEntries(STEP_FUNCTIONS_JSONATA_FUNCTIONS.map((name) => [name, IMPLEMENTATIONS[name]])),
};

function unavailable(name: string, instead: string): () => never {
  return () => {
    throw new Error(`$${name} is not available: ${instead}.`);
  };
}

function compile(text: string, field: string): jsonata.Expression {
  let expression = compiled.get(text);
  if (!expression) {
    try {
      expression = jsonata(EXPRESSION.exec(text)![1]!);
    } catch (error) {
      throw new StatesError(
        States.QueryEvaluationError,
        `The JSONata expression ${JSON.stringify(text)} specified for the field '${field}' is invalid: ${(error as Error).message}`,
      );
    }
    compiled.set(text, expression);
  }
  return expression;
}

/** jsonata marks sequences with extra array properties; the state's data is plain JSON. */
function plain(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** Evaluates one `{% … %}` string. `undefined` (no match) is an error: AWS has no undefined values. */
export async function evaluateJsonata(text: string, scope: JsonataScope, field: string): Promise<unknown> {
  const expression = compile(text, field);
  const states = {
    input: scope.input,
    context: scope.context,
    ...(scope.result !== undefined ? { result: scope.result } : {}),
    ...(scope.errorOutput !== undefined ? { errorOutput: scope.errorOutput } : {}),
  };
  let value: unknown;
  try {
    value = await expression.evaluate(scope.input, { ...scope.variables.visible(), ...STEP_FUNCTIONS_FUNCTIONS, states });
  } catch (error) {
    throw new StatesError(
      States.QueryEvaluationError,
      `An error occurred while evaluating the JSONata expression ${JSON.stringify(text)} specified for the field '${field}': ${(error as Error).message}`,
    );
  }
  if (value === undefined) {
    throw new StatesError(
      States.QueryEvaluationError,
      `The JSONata expression ${JSON.stringify(text)} specified for the field '${field}' returned nothing (undefined).`,
    );
  }
  return plain(value);
}

/** A JSONata field's value (Arguments, Output, Assign, Items…): JSON with `{% %}` strings at any depth. */
export async function evaluateJsonataTemplate(template: unknown, scope: JsonataScope, field: string): Promise<unknown> {
  if (isJsonataExpression(template)) return evaluateJsonata(template, scope, field);
  if (Array.isArray(template)) {
    return Promise.all(template.map((item, i) => evaluateJsonataTemplate(item, scope, `${field}[${i}]`)));
  }
  if (template === null || typeof template !== 'object') return template;
  const entries = await Promise.all(
    Object.entries(template).map(async ([key, value]) => [key, await evaluateJsonataTemplate(value, scope, `${field}.${key}`)] as const),
  );
  return Object.fromEntries(entries);
}
