import type { Context } from '../../path/context-object.js';
import type { Path } from '../../path/path.js';
import type { NoExtraFields, TemplateOf } from './template-of.js';

/**
 * A payload checked against what the receiver accepts (`Accepted`, from a handler contract; any
 * template when there is none): a template, or a callback building one from the input. `P` is the
 * callback's own result, inferred so that a field the receiver does not know is an error too.
 * `Shape` narrows the accepted templates (an object, where the payload becomes Parameters).
 */
export type CheckedPayload<Selected, P, Accepted, Shape = TemplateOf<Accepted>> =
  | (($: Path<Selected>, $$: Context) => NoExtraFields<P, Accepted> & Shape)
  | Shape;
