import { INTRINSIC_NODE, type Intrinsic } from '../payload/intrinsic.js';
import { call, type IntrinsicArg } from './argument.js';
import { checkFormat } from './render.js';

/** What States.Format can interpolate: a string, number, boolean or null — never an array or object. */
export type FormatValue = string | number | boolean | null;
export type FormatArg = IntrinsicArg<FormatValue>;

type PlaceholderArgs<S extends string, Acc extends FormatArg[]> = S extends `${string}{}${infer Rest}`
  ? PlaceholderArgs<Rest, [...Acc, FormatArg]>
  : Acc;

/** One value per `{}` of a literal template; any number when the template's text is not known to the type checker. */
export type FormatArgs<Template extends string> = string extends Template ? FormatArg[] : PlaceholderArgs<Template, []>;

/**
 * `States.Format`: the template with each `{}` replaced by the next value.
 * `format('Hello, {}!', $.name)`. In a literal template `{}` is a placeholder and any other
 * `{`, `}`, `'` or `\` is plain text (escaped when rendered); to put a literal `{}` in the
 * output, pass it as a value: `format('{} is empty', '{}')`. The template may also be a path or
 * an intrinsic producing a string (`format($.template, $.name)`); then its placeholders are
 * counted only at run time.
 *
 * @throws TypeError when a literal template's placeholder count differs from the number of values.
 */
export function format<const T extends IntrinsicArg<string>>(
  template: T,
  ...values: T extends string ? FormatArgs<T> : FormatArg[]
): Intrinsic<string> {
  const result = call<string>('States.Format', [template, ...values]);
  checkFormat(result[INTRINSIC_NODE]);
  return result;
}

/**
 * `States.StringSplit`: the string cut at every occurrence of any of the delimiter's characters
 * (`'.+,='` splits at each of `.`, `+`, `,` and `=`).
 */
export function stringSplit(value: IntrinsicArg<string>, delimiter: IntrinsicArg<string>): Intrinsic<string[]> {
  return call('States.StringSplit', [value, delimiter]);
}
