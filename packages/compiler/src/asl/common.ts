import { z } from 'zod';

/**
 * Building blocks shared by the ASL schemas. The schemas describe the *shape* of a definition:
 * which fields a state type may have and the JSON type of each. What a shape cannot say (path
 * syntax, value ranges, transitions, which query language allows which field) is checked by the
 * rules in `../validate/`.
 *
 * Schemas whose JSON type is not obvious carry an *expectation phrase* (`expecting`), e.g. "an
 * integer (or, in a JSONata state, a {% … %} expression)": the validator reads it back from the
 * schema and writes "… must be <phrase>, but is …".
 */

/** Attaches an expectation phrase: the schema's description, and its error message. */
export function expecting<T extends z.ZodType>(phrase: string, schema: T): T {
  return schema.describe(phrase);
}

/** A union described by one phrase (zod would otherwise report only one branch's complaint). */
export function oneOf<const T extends readonly [z.ZodType, ...z.ZodType[]]>(phrase: string, options: T) {
  return expecting(phrase, z.union(options, { error: phrase }));
}

/** `"QueryLanguage"`: JSONPath is the default; JSONata was added in November 2024. */
export const QueryLanguageSchema = z.enum(['JSONPath', 'JSONata']);
export type QueryLanguage = z.infer<typeof QueryLanguageSchema>;

/** A JSONata string: the whole value is `{% … %}`. */
export const JSONATA_PATTERN = /^\{%[\s\S]*%\}$/;
export const JsonataExpressionSchema = expecting(
  'a JSONata expression ({% … %})',
  z.string().regex(JSONATA_PATTERN, { error: 'a JSONata expression ({% … %})' }),
);
export type JsonataExpression = z.infer<typeof JsonataExpressionSchema>;

/** Any JSON value (the definition came from JSON, so nothing else can occur). */
export const JsonValueSchema = z.unknown();

/** A JSONPath string (`$.a.b`, `$$.Execution.Id`, `$var`); its syntax is checked by the path rules. */
export const PathSchema = z.string();

/** InputPath / OutputPath / ResultPath: a path, or null to discard. */
export const NullablePathSchema = expecting('a JSONPath string or null', z.string().nullable());

/** A JSONPath Payload Template (Parameters, ResultSelector, ItemSelector…): a JSON object. */
export const PayloadTemplateSchema = expecting('a JSON object', z.record(z.string(), JsonValueSchema));
export type PayloadTemplate = z.infer<typeof PayloadTemplateSchema>;

/** `"Assign"`: variable name → value (JSONPath: `name.$` keys take paths; JSONata: `{% %}` values). */
export const AssignSchema = expecting('a JSON object of variable names and values', z.record(z.string(), JsonValueSchema));
export type Assign = z.infer<typeof AssignSchema>;

/** An integer, or (in a JSONata state) a JSONata expression that yields one. */
export const IntegerOrJsonataSchema = oneOf('an integer (or, in a JSONata state, a {% … %} expression)', [
  z.int(),
  JsonataExpressionSchema,
]);

/** A non-negative integer, or a JSONata expression. */
export const NonNegativeIntegerOrJsonataSchema = oneOf('a non-negative integer (or, in a JSONata state, a {% … %} expression)', [
  z.int().min(0),
  JsonataExpressionSchema,
]);

/** A positive integer, or a JSONata expression. */
export const PositiveIntegerOrJsonataSchema = oneOf('a positive integer (or, in a JSONata state, a {% … %} expression)', [
  z.int().min(1),
  JsonataExpressionSchema,
]);

/** A percentage 0–100, or a JSONata expression. */
export const PercentageOrJsonataSchema = oneOf('a number from 0 to 100 (or, in a JSONata state, a {% … %} expression)', [
  z.number().min(0).max(100),
  JsonataExpressionSchema,
]);

/** A JSON object, or (JSONata) an expression that yields one. */
export const ObjectOrJsonataSchema = oneOf('a JSON object (or, in a JSONata state, a {% … %} expression)', [
  PayloadTemplateSchema,
  JsonataExpressionSchema,
]);

/** `"Comment"`: free text. */
export const CommentSchema = z.string();
