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

  // A batch's JSON is its frame (`{"BatchInput":…,"Items":[]}`) plus its items' JSON and a comma
  // between each two: a running count, so each item is serialised once.
  const frameBytes = maxBytes === Infinity ? 0 : utf8Bytes(JSON.stringify(batch([])));
  const batches: unknown[] = [];
  let current: unknown[] = [];
  let currentBytes = frameBytes;
  for (const item of items) {
    const itemBytes = maxBytes === Infinity ? 0 : utf8Bytes(JSON.stringify(item ?? null));
    const tooBig = current.length > 0 && currentBytes + 1 + itemBytes > maxBytes;
    if (current.length > 0 && (current.length >= maxItems || tooBig)) {
      batches.push(batch(current));
      current = [];
      currentBytes = frameBytes;
    }
    currentBytes += (current.length > 0 ? 1 : 0) + itemBytes;
    current.push(item);
  }
  if (current.length > 0) batches.push(batch(current));
  return batches;
}

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
