import { z } from 'zod';
import { AssignSchema, CommentSchema, JsonValueSchema, JsonataExpressionSchema, PathSchema, oneOf } from './common.js';

/** The boolean operators: `And`/`Or` take a non-empty list of rules, `Not` takes one rule. */
export const BOOLEAN_OPERATORS = ['And', 'Or', 'Not'] as const;
export type BooleanOperator = (typeof BOOLEAN_OPERATORS)[number];

/**
 * A Choice Rule, in either query language:
 * - JSONPath: a data-test (`Variable` plus exactly one comparison operator) or a boolean
 *   expression (`And` / `Or` / `Not` over nested rules);
 * - JSONata: a `Condition` (`true`/`false` or a `{% %}` expression), optionally with `Output`.
 * Top-level rules (members of `Choices`) need `Next`; nested rules must not have it. "Exactly one
 * operator", "Next only at the top" and "which fields the query language allows" are rules in the
 * validator, so that each gets a message of its own.
 */
export const ChoiceRuleSchema = z.strictObject({
  Next: z.string().optional(),
  Comment: CommentSchema.optional(),
  Assign: AssignSchema.optional(),
  Output: JsonValueSchema.optional(),
  Condition: oneOf('true, false or a JSONata expression ({% … %})', [z.boolean(), JsonataExpressionSchema]).optional(),
  Variable: PathSchema.optional(),
  // Comparison operators (JSONPath data-test rules). The `…Path` variants compare with the value at
  // a path; `Timestamp…` literals must be RFC 3339 timestamps (a rule); `Is…` tests take true/false.
  // (Written inline: a spread next to the recursive getters below defeats TypeScript's inference.)
  StringEquals: z.string().optional(),
  StringLessThan: z.string().optional(),
  StringGreaterThan: z.string().optional(),
  StringLessThanEquals: z.string().optional(),
  StringGreaterThanEquals: z.string().optional(),
  StringMatches: z.string().optional(),
  NumericEquals: z.number().optional(),
  NumericLessThan: z.number().optional(),
  NumericGreaterThan: z.number().optional(),
  NumericLessThanEquals: z.number().optional(),
  NumericGreaterThanEquals: z.number().optional(),
  BooleanEquals: z.boolean().optional(),
  TimestampEquals: z.string().optional(),
  TimestampLessThan: z.string().optional(),
  TimestampGreaterThan: z.string().optional(),
  TimestampLessThanEquals: z.string().optional(),
  TimestampGreaterThanEquals: z.string().optional(),
  IsNull: z.boolean().optional(),
  IsPresent: z.boolean().optional(),
  IsNumeric: z.boolean().optional(),
  IsString: z.boolean().optional(),
  IsBoolean: z.boolean().optional(),
  IsTimestamp: z.boolean().optional(),
  StringEqualsPath: PathSchema.optional(),
  StringLessThanPath: PathSchema.optional(),
  StringGreaterThanPath: PathSchema.optional(),
  StringLessThanEqualsPath: PathSchema.optional(),
  StringGreaterThanEqualsPath: PathSchema.optional(),
  NumericEqualsPath: PathSchema.optional(),
  NumericLessThanPath: PathSchema.optional(),
  NumericGreaterThanPath: PathSchema.optional(),
  NumericLessThanEqualsPath: PathSchema.optional(),
  NumericGreaterThanEqualsPath: PathSchema.optional(),
  BooleanEqualsPath: PathSchema.optional(),
  TimestampEqualsPath: PathSchema.optional(),
  TimestampLessThanPath: PathSchema.optional(),
  TimestampGreaterThanPath: PathSchema.optional(),
  TimestampLessThanEqualsPath: PathSchema.optional(),
  TimestampGreaterThanEqualsPath: PathSchema.optional(),
  get And() {
    return z.optional(z.array(ChoiceRuleSchema).check(z.minLength(1)));
  },
  get Or() {
    return z.optional(z.array(ChoiceRuleSchema).check(z.minLength(1)));
  },
  get Not() {
    return z.optional(ChoiceRuleSchema);
  },
});
export type ChoiceRule = z.infer<typeof ChoiceRuleSchema>;

const NOT_OPERATORS = new Set(['Next', 'Comment', 'Assign', 'Output', 'Condition', 'Variable', 'And', 'Or', 'Not']);

/** The comparison operators of a JSONPath data-test rule (`StringEquals` … `IsTimestamp`, with the `…Path` forms). */
export type ComparisonOperator = Exclude<
  keyof ChoiceRule,
  'Next' | 'Comment' | 'Assign' | 'Output' | 'Condition' | 'Variable' | BooleanOperator
>;
export const COMPARISON_OPERATORS = Object.keys(ChoiceRuleSchema.shape).filter((key) => !NOT_OPERATORS.has(key)) as ComparisonOperator[];
