import type { Context } from '../../path/context-object.js';
import type { Path } from '../../path/path.js';
import type { Template, TemplateValue } from '../../payload/template.js';
import { fieldValue } from './field.js';

/**
 * The request fields for the helper options named in `names`, in that order. A helper option is
 * the API field's name in camelCase, so `topicArn` becomes `TopicArn`; options left out are left
 * out of the request.
 */
export function apiFields<Options extends object, Selected>(
  options: Options,
  names: readonly (keyof Options & string)[],
  $: Path<Selected>,
  $$: Context,
): Template {
  const fields: { [field: string]: TemplateValue } = {};
  for (const name of names) {
    const value = fieldValue(options[name] as TemplateValue, $, $$);
    if (value !== undefined) fields[name.charAt(0).toUpperCase() + name.slice(1)] = value;
  }
  return fields;
}
