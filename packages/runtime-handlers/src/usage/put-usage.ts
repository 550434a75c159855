import { ConditionalCheckFailedException, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { dynamodbClient } from '../aws-clients.js';
import { defineHandler } from '../define-handler.js';
import { putUsageContract } from './contract.js';
import type { Usage } from './usage.js';
import { USAGE_TABLE_KEYS, usageItem, usageTableName } from './usage-table.js';

/** Extensions named in the report (and so in the message); DynamoDB keeps them all. */
export const TOP_EXTENSIONS = 10;

/**
 * Seed 001's put-dynamodb: stores a finished listing in USAGE_TABLE, once per bucket and run.
 * The write is conditional on the run's item not existing, so a retried invocation (Step
 * Functions Retry, Lambda's own retry) changes nothing and reports `already-stored`.
 */
export const putUsageHandler = defineHandler('put-usage', putUsageContract, async ({ bucket, runId, usage }) => {
  let stored: 'created' | 'already-stored' = 'created';
  try {
    await dynamodbClient().send(
      new PutItemCommand({
        TableName: usageTableName(),
        Item: usageItem(bucket, runId, usage, new Date()),
        ConditionExpression: 'attribute_not_exists(#sort)',
        ExpressionAttributeNames: { '#sort': USAGE_TABLE_KEYS.sort },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    stored = 'already-stored';
  }
  return { bucket, runId, objects: usage.objects, bytes: usage.bytes, topExtensions: topExtensions(usage), stored };
});

function topExtensions(usage: Usage) {
  return Object.entries(usage.byExtension)
    .map(([extension, entry]) => ({ extension, ...entry }))
    .sort((a, b) => b.bytes - a.bytes || b.objects - a.objects || (a.extension < b.extension ? -1 : 1))
    .slice(0, TOP_EXTENSIONS);
}
