import type { z } from 'zod';

/**
 * A fast yes/no for "does zod accept this value?", interpreting the zod schema tree directly.
 *
 * Why: parsing a 10,000-state definition with zod takes tens of milliseconds warm and well over
 * a hundred cold (it builds issue and output objects and its parsers need warming up), and nearly
 * every definition the compiler emits is well-formed. So `checkStructure` asks this first and
 * runs zod — whose issues it translates into diagnostics — only when this says no. It reads the
 * same schemas (asl/ stays the single source of truth) and understands exactly the schema kinds
 * and checks they use; for anything else it defers to zod itself, so it can be slower but never
 * more lenient. A test compares its verdict with zod's on the corpus and on mutations of it.
 */
export function accepts(schema: z.ZodType, value: unknown): boolean {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
      return value === undefined || accepts(def.innerType!, value);
    case 'nullable':
      return value === null || accepts(def.innerType!, value);
    case 'object':
      return acceptsObject(schema, def, value);
    case 'record': {
      if (!isPlainObject(value) || !simpleKeys(def.keyType!)) return fallback(schema, value);
      for (const key in value) if (!accepts(def.valueType!, (value as Record<string, unknown>)[key])) return false;
      return true;
    }
    case 'array': {
      if (!Array.isArray(value)) return false;
      if (!knownChecks(def, 'array')) return fallback(schema, value);
      if (!checksPass(def, value.length, 'array')) return false;
      for (const item of value) if (!accepts(def.element!, item)) return false;
      return true;
    }
    case 'union': {
      if (def.discriminator !== undefined) {
        const option = discriminated(schema, def, value);
        return option !== undefined && accepts(option, value);
      }
      for (const option of def.options!) if (accepts(option, value)) return true;
      return false;
    }
    case 'string':
      if (typeof value !== 'string') return false;
      return knownChecks(def, 'string') ? checksPass(def, value, 'string') : fallback(schema, value);
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      if (def.format !== undefined && def.format !== 'safeint') return fallback(schema, value);
      if (def.format === 'safeint' && !Number.isSafeInteger(value)) return false;
      return knownChecks(def, 'number') ? checksPass(def, value, 'number') : fallback(schema, value);
    }
    case 'boolean':
      return typeof value === 'boolean';
    case 'literal':
      return def.values!.includes(value as never);
    case 'enum':
      return enumValues(def).has(value);
    case 'unknown':
    case 'any':
      return true;
    default:
      return fallback(schema, value);
  }
}

type Check = { _zod: { def: { check: string; value?: number; inclusive?: boolean; minimum?: number; format?: string; pattern?: RegExp } } };
type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: readonly z.ZodType[];
  discriminator?: string;
  values?: readonly unknown[];
  entries?: Record<string, unknown>;
  format?: string;
  checks?: readonly Check[];
};

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function fallback(schema: z.ZodType, value: unknown): boolean {
  return schema.safeParse(value).success;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Record keys are plain strings (z.string() without checks): every JSON key passes. */
function simpleKeys(keyType: z.ZodType): boolean {
  const def = defOf(keyType);
  return def.type === 'string' && !def.checks?.length;
}

/** Per object schema: its fields by name and the required ones (read once: getters build new schemas). */
const shapes = new WeakMap<z.ZodType, { fields: Map<string, z.ZodType>; required: string[] }>();

function acceptsObject(schema: z.ZodType, def: Def, value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  let shape = shapes.get(schema);
  if (!shape) {
    const fields = new Map(Object.keys(def.shape!).map((key) => [key, def.shape![key]!] as const));
    shape = { fields, required: [...fields].filter(([, field]) => !accepts(field, undefined)).map(([key]) => key) };
    shapes.set(schema, shape);
  }
  for (const key of shape.required) if (!(key in value)) return false;
  const catchall = def.catchall ? defOf(def.catchall).type : undefined;
  if (catchall !== undefined && catchall !== 'never' && catchall !== 'unknown') return fallback(schema, value);
  for (const key in value) {
    const field = shape.fields.get(key);
    if (field) {
      if (!accepts(field, value[key])) return false;
    } else if (catchall === 'never') {
      return false;
    }
  }
  return true;
}

/** The option a discriminated union picks for a value, by its discriminator's literal. */
const options = new WeakMap<z.ZodType, Map<unknown, z.ZodType>>();

function discriminated(schema: z.ZodType, def: Def, value: unknown): z.ZodType | undefined {
  if (!isPlainObject(value)) return undefined;
  let byTag = options.get(schema);
  if (!byTag) {
    byTag = new Map();
    for (const option of def.options!) {
      const tag = defOf(option).shape?.[def.discriminator!];
      for (const literal of (tag && defOf(tag).values) ?? []) byTag.set(literal, option);
    }
    options.set(schema, byTag);
  }
  return byTag.get(value[def.discriminator!]);
}

const KNOWN: { readonly [kind: string]: ReadonlySet<string> } = {
  string: new Set(['string_format']),
  number: new Set(['greater_than', 'less_than']),
  array: new Set(['min_length']),
};

/** Whether every check of a schema is one `checksPass` understands (computed once per schema). */
const understood = new WeakMap<Def, boolean>();

function knownChecks(def: Def, kind: 'string' | 'number' | 'array'): boolean {
  if (!def.checks?.length) return true;
  let known = understood.get(def);
  if (known === undefined) {
    known = def.checks.every((check) => {
      const d = check._zod.def;
      return KNOWN[kind]!.has(d.check) && (d.check !== 'string_format' || (d.format === 'regex' && d.pattern instanceof RegExp));
    });
    understood.set(def, known);
  }
  return known;
}

const enums = new WeakMap<Def, ReadonlySet<unknown>>();

function enumValues(def: Def): ReadonlySet<unknown> {
  let values = enums.get(def);
  if (!values) enums.set(def, (values = new Set(Object.values(def.entries!))));
  return values;
}

function checksPass(def: Def, value: string | number, kind: 'string' | 'number' | 'array'): boolean {
  if (!def.checks) return true;
  for (const check of def.checks) {
    const d = check._zod.def;
    if (d.check === 'string_format' && kind === 'string') {
      d.pattern!.lastIndex = 0;
      if (!d.pattern!.test(value as string)) return false;
    } else if (d.check === 'greater_than') {
      if (d.inclusive ? (value as number) < d.value! : (value as number) <= d.value!) return false;
    } else if (d.check === 'less_than') {
      if (d.inclusive ? (value as number) > d.value! : (value as number) >= d.value!) return false;
    } else if (d.check === 'min_length') {
      if ((value as number) < d.minimum!) return false;
    }
  }
  return true;
}
