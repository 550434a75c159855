import { defineHandler } from '../define-handler.js';
import { sumUsageBatchContract } from './contract.js';
import { UsageTally } from './usage.js';

/**
 * The modern usage report's batch function: a Distributed Map child hands it up to 1,000 objects
 * of the bucket's listing, and it returns their size and count by extension as rows (the same
 * extension rules as list-objects: `a/B.JPG` → `jpg`, no extension → `(none)`). The workflow
 * merges the batches' rows with a JSONata group-by.
 */
export const sumUsageBatchHandler = defineHandler('sum-usage-batch', sumUsageBatchContract, async ({ Items }) => {
  const tally = new UsageTally();
  for (const item of Items) tally.add(item.Key, item.Size);
  const rows = Object.entries(tally.toUsage().byExtension).map(([extension, sums]) => ({ extension, ...sums }));
  return { rows };
});
