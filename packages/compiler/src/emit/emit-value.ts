import { renderPath, ir } from '@typestep/dsl';
import { renderIntrinsic } from '@typestep/dsl';
import { setOwnField } from './own-field.js';
import type { Placeholders } from './used-placeholders.js';

type ValueNode = ir.ValueNode;

/** A path or intrinsic as the text of a `.$` field. */
export function dynamicText(node: ir.PathNode | ir.IntrinsicNode): string {
  return node.kind === 'path' ? renderPath(node) : renderIntrinsic(node);
}

/**
 * A template value as ASL JSON: paths and intrinsics become `"key.$": "…"`, placeholders the
 * string `"${Name}"` (and are recorded), nested templates objects.
 */
export function emitTemplate(node: ir.TemplateNode, placeholders: Placeholders): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of node.entries) {
    if (value.kind === 'path' || value.kind === 'intrinsic') setOwnField(out, `${key}.$`, dynamicText(value));
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
    default:
      // Paths and intrinsics only appear as template fields (handled above).
      return dynamicText(node);
  }
}
