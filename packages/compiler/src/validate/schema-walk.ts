import type { z } from 'zod';
import { StateMachineSchema } from '../asl/index.js';
import { isObject, type Location } from './model.js';

/**
 * Finds the schema that describes a location of a definition, by walking the zod schema tree
 * alongside the data (the data picks a discriminated union's option). Used to name the fields an
 * object allows and to read a field's expectation phrase.
 */

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: readonly z.ZodType[];
  discriminator?: string;
};

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Removes optional/nullable wrappers (stopping at one that carries an expectation phrase). */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if ((def.type === 'optional' || def.type === 'nullable') && def.innerType && current.description === undefined) current = def.innerType;
    else return current;
  }
}

/** The schema at a location, or undefined when the location leaves the modelled part. */
export function schemaAt(definition: unknown, location: Location): z.ZodType | undefined {
  let schema: z.ZodType = StateMachineSchema;
  let value: unknown = definition;
  for (const key of location) {
    schema = resolve(schema, value);
    const def = defOf(schema);
    if (def.type === 'object' && def.shape && typeof key === 'string') {
      const next = def.shape[key];
      if (!next) return undefined;
      schema = unwrap(next);
    } else if (def.type === 'record' && def.valueType && typeof key === 'string') {
      schema = unwrap(def.valueType);
    } else if (def.type === 'array' && def.element && typeof key === 'number') {
      schema = unwrap(def.element);
    } else {
      return undefined;
    }
    value = isObject(value) || Array.isArray(value) ? (value as Record<string | number, unknown>)[key] : undefined;
  }
  return resolve(schema, value);
}

/** A discriminated union resolves to the option the value's discriminator names. */
function resolve(schema: z.ZodType, value: unknown): z.ZodType {
  const def = defOf(schema);
  if (def.type === 'union' && def.discriminator && def.options && isObject(value)) {
    const tag = value[def.discriminator];
    for (const option of def.options) {
      const shape = defOf(option).shape;
      const literal = shape?.[def.discriminator];
      if (literal && (defOf(literal) as { values?: unknown[] }).values?.includes(tag)) return option;
    }
  }
  return schema;
}

/** The field names an object schema allows, or undefined for a non-object schema or a loose one. */
export function allowedKeys(schema: z.ZodType | undefined): string[] | undefined {
  if (!schema) return undefined;
  const def = defOf(schema);
  const shape = def.type === 'object' ? def.shape : undefined;
  return shape ? Object.keys(shape) : undefined;
}

/** The expectation phrase of a schema (see `expecting` in asl/common.ts), if it has one. */
export function expectationOf(schema: z.ZodType | undefined): string | undefined {
  return schema?.description;
}
