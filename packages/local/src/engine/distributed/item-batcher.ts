import type { ItemBatcher, MapState } from '../asl.js';
import { evaluateJsonataTemplate } from '../data/jsonata.js';
import { evaluatePayloadTemplate } from '../data/payload-template.js';
import type { StateRun } from '../state-run.js';
import { numberField } from '../states/map-items.js';

/**
 * ItemBatcher: the children get `{ Items: [...], BatchInput }` batches of at most MaxItemsPerBatch
 * items and MaxInputBytesPerBatch bytes of JSON (a single item over the byte limit goes alone).
 */
export async function batchItems(
  run: StateRun<MapState>,
  batcher: ItemBatcher,
  items: readonly unknown[],
  selected: unknown,
): Promise<unknown[]> {
  const maxItems =
    (await numberField(run, selected, 'MaxItemsPerBatch', batcher.MaxItemsPerBatch, batcher.MaxItemsPerBatchPath)) ?? Infinity;
  const maxBytes =
    (await numberField(run, selected, 'MaxInputBytesPerBatch', batcher.MaxInputBytesPerBatch, batcher.MaxInputBytesPerBatchPath)) ??
    Infinity;
  const batchInput =
    batcher.BatchInput === undefined
      ? undefined
      : run.language === 'JSONata'
        ? await evaluateJsonataTemplate(batcher.BatchInput, run.jsonataScope(), 'ItemBatcher.BatchInput')
        : evaluatePayloadTemplate(batcher.BatchInput, run.pathScope(selected));
  const batch = (batchItems: unknown[]) =>
    batchInput === undefined ? { Items: batchItems } : { BatchInput: batchInput, Items: batchItems };

  const batches: unknown[] = [];
  let current: unknown[] = [];
  for (const item of items) {
    const candidate = [...current, item];
    const tooBig = maxBytes !== Infinity && Buffer.byteLength(JSON.stringify(batch(candidate)), 'utf8') > maxBytes;
    if (current.length > 0 && (current.length >= maxItems || tooBig)) {
      batches.push(batch(current));
      current = [item];
    } else {
      current = candidate;
    }
  }
  if (current.length > 0) batches.push(batch(current));
  return batches;
}
