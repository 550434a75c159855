import type { ValueNode } from '../../ir/value-node.js';
import { toValueNode } from '../../payload/template.js';
import type { Request } from './service-call.js';

/**
 * A `.waitForTaskToken` call waits until someone sends the token back with SendTaskSuccess; a
 * request that never hands the token on would wait until the task times out. This wraps the
 * request so that building it without the token fails, naming the helper and the fix.
 */
export function requireTaskToken<In>(helper: string, where: string, request: Request<In>): Request<In> {
  return (input, context) => {
    const template = request(input, context);
    if (!holdsTaskToken(toValueNode(template, helper))) {
      throw new TypeError(
        `${helper}: a .waitForTaskToken call waits for SendTaskSuccess with its task token, but the request never passes the token on. ` +
          `Put $$.Task.Token in ${where}, e.g. ($, $$) => ({ …, taskToken: $$.Task.Token }).`,
      );
    }
    return template;
  };
}

/** The context object's roots: `$$` in JSONPath, `$states.context` in JSONata. */
const CONTEXT_ROOTS: readonly string[] = ['$$', '$states.context'];

function holdsTaskToken(node: ValueNode): boolean {
  switch (node.kind) {
    case 'path':
      return (
        CONTEXT_ROOTS.includes(node.root) &&
        node.segments.length === 2 &&
        node.segments.every((segment, i) => segment.kind === 'field' && segment.name === ['Task', 'Token'][i])
      );
    case 'intrinsic':
      return node.args.some((arg) => arg.kind !== 'literal' && arg.kind !== 'placeholder' && holdsTaskToken(arg));
    case 'template':
      return node.entries.some(([, value]) => holdsTaskToken(value));
    case 'array':
      return node.items.some(holdsTaskToken);
    case 'expression':
      return node.parts.some((part) => typeof part !== 'string' && holdsTaskToken(part));
    default:
      return false;
  }
}
