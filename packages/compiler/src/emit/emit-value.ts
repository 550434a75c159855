import { renderExpression, renderIntrinsic, renderJsonataPath, renderPath, type ir } from '@typestep/dsl';
import { setOwnField } from './own-field.js';
import type { Placeholders } from './used-placeholders.js';

type ValueNode = ir.ValueNode;

/** A path or intrinsic as the text of a `.$` field; placeholders in intrinsic arguments are recorded. */
export function dynamicText(node: ir.PathNode | ir.IntrinsicNode, placeholders: Placeholders): string {
  if (node.kind === 'path') return renderPath(node);
  recordIntrinsicPlaceholders(node, placeholders);
  return renderIntrinsic(node);
}

function recordIntrinsicPlaceholders(node: ir.IntrinsicNode, placeholders: Placeholders): void {
  for (const arg of node.args) {
    if (arg.kind === 'placeholder') placeholders.use(arg.name);
    else if (arg.kind === 'intrinsic') recordIntrinsicPlaceholders(arg, placeholders);
  }
}

/**
 * A JSONPath template as ASL JSON: paths and intrinsics become `"key.$": "…"`, placeholders the
 * string `"${Name}"` (and are recorded), nested templates objects.
 */
export function emitTemplate(node: ir.TemplateNode, placeholders: Placeholders): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of node.entries) {
    if (value.kind === 'path' || value.kind === 'intrinsic') setOwnField(out, `${key}.$`, dynamicText(value, placeholders));
    else setOwnField(out, key, emitValue(value, placeholders));
  }
  return out;
}

function emitValue(node: ValueNode, placeholders: Placeholders): unknown {
  switch (node.kind) {
    case 'template':
      return emitTemplate(node, placeholders);
    case 'placeholder':
      return placeholders.use(node.name);
    case 'literal':
      return node.value;
    case 'array':
      return node.items.map((item) => emitValue(item, placeholders));
    case 'expression':
      throw new TypeError(`a JSONata expression (${renderExpression(node, (name) => `\${${name}}`)}) cannot be used in a JSONPath state`);
    default:
      // Paths and intrinsics only appear as template fields (handled above).
      return dynamicText(node, placeholders);
  }
}

/**
 * A value of a JSONata state (Arguments, Output, Assign, Items…) as ASL JSON: typed paths and
 * expressions become `"{% … %}"` strings at any depth, arrays included; placeholders `"${Name}"`.
 */
export function emitJsonata(node: ValueNode, placeholders: Placeholders): unknown {
  switch (node.kind) {
    case 'template': {
      const out: Record<string, unknown> = {};
      for (const [key, value] of node.entries) setOwnField(out, key, emitJsonata(value, placeholders));
      return out;
    }
    case 'array':
      return node.items.map((item) => emitJsonata(item, placeholders));
    case 'placeholder':
      return placeholders.use(node.name);
    case 'literal':
      return node.value;
    case 'path':
      return `{% ${renderJsonataPath(node)} %}`;
    case 'expression':
      return `{% ${renderExpression(node, (name) => placeholders.use(name))} %}`;
    case 'intrinsic':
      throw new TypeError(`${node.name}(…) is a JSONPath intrinsic function; JSONata states use JSONata functions instead (write them with jsonata\`…\`)`);
  }
}

/** A JSONPath template or a JSONata value, by the state's language. */
export function emitByLanguage(node: ValueNode, jsonata: boolean, placeholders: Placeholders): unknown {
  if (jsonata) return emitJsonata(node, placeholders);
  if (node.kind !== 'template') return emitValue(node, placeholders);
  return emitTemplate(node, placeholders);
}
