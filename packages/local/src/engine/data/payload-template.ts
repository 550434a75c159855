import { StatesError, States } from '../errors.js';
import { evaluateIntrinsic, isIntrinsicCall } from './intrinsics/evaluate-intrinsic.js';
import { evaluatePath, type PathScope } from './path-scope.js';

/**
 * A JSONPath Payload Template (Parameters, ItemSelector, ResultSelector, Assign…): keys ending in
 * `.$` take their value from a path or an intrinsic function call, at any depth, arrays included.
 * A path that selects nothing fails with `missError` (States.ParameterPathFailure for Parameters,
 * as the States Language specifies).
 */
export function evaluatePayloadTemplate(template: unknown, scope: PathScope, missError: string = States.ParameterPathFailure): unknown {
  if (Array.isArray(template)) return template.map((item) => evaluatePayloadTemplate(item, scope, missError));
  if (template === null || typeof template !== 'object') return template;
  const result: Record<string, unknown> = {};
  for (const field of fieldsOf(template)) {
    switch (field.kind) {
      case 'path':
        result[field.name] = evaluateDynamicPath(field.key, field.expression, scope, missError);
        break;
      case 'intrinsic':
        result[field.name] = evaluateIntrinsic(field.expression, scope);
        break;
      case 'template':
        result[field.name] = evaluatePayloadTemplate(field.value, scope, missError);
        break;
    }
  }
  return result;
}

type Field =
  | { readonly kind: 'path' | 'intrinsic'; readonly key: string; readonly name: string; readonly expression: string }
  | { readonly kind: 'template'; readonly name: string; readonly value: unknown };

/** A template object's fields, sorted out once: definitions are run many times. */
const compiled = new WeakMap<object, readonly Field[]>();

function fieldsOf(template: object): readonly Field[] {
  let fields = compiled.get(template);
  if (!fields) {
    fields = Object.entries(template).map(([key, value]): Field => {
      if (!key.endsWith('.$') || typeof value !== 'string') return { kind: 'template', name: key, value };
      return { kind: isIntrinsicCall(value) ? 'intrinsic' : 'path', key, name: key.slice(0, -2), expression: value };
    });
    compiled.set(template, fields);
  }
  return fields;
}

function evaluateDynamicPath(key: string, expression: string, scope: PathScope, missError: string): unknown {
  const found = evaluatePath(expression, scope);
  if (!found.found) {
    const source = expression.startsWith('$$') ? scope.context() : scope.data;
    throw new StatesError(
      missError,
      `The JSONPath '${expression}' specified for the field '${key}' could not be found in the input '${JSON.stringify(source)}'`,
    );
  }
  return found.value;
}
