import type { AttributeValue, CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { requireEnv } from '../environment.js';
import type { Usage } from './usage.js';

/**
 * The usage table: one item per bucket and report run (partition key Bucket, sort key RunId),
 * so a run's record is written once and earlier runs stay as history. Tests and the SAM template
 * create the table from this one definition.
 */
export const USAGE_TABLE_KEYS = { partition: 'Bucket', sort: 'RunId' } as const;

export function usageTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    KeySchema: [
      { AttributeName: USAGE_TABLE_KEYS.partition, KeyType: 'HASH' },
      { AttributeName: USAGE_TABLE_KEYS.sort, KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: USAGE_TABLE_KEYS.partition, AttributeType: 'S' },
      { AttributeName: USAGE_TABLE_KEYS.sort, AttributeType: 'S' },
    ],
    BillingMode: 'PAY_PER_REQUEST',
  };
}

export const usageTableName = (): string => requireEnv('USAGE_TABLE', 'the DynamoDB table usage is stored in');

/** One bucket's usage as a DynamoDB item. */
export function usageItem(bucket: string, runId: string, usage: Usage, storedAt: Date): Record<string, AttributeValue> {
  const count = (n: number): AttributeValue => ({ N: String(n) });
  const byExtension = Object.entries(usage.byExtension).map(([extension, e]): [string, AttributeValue] => [
    extension,
    { M: { Objects: count(e.objects), Bytes: count(e.bytes) } },
  ]);
  return {
    [USAGE_TABLE_KEYS.partition]: { S: bucket },
    [USAGE_TABLE_KEYS.sort]: { S: runId },
    Objects: count(usage.objects),
    Bytes: count(usage.bytes),
    ByExtension: { M: Object.fromEntries(byExtension) },
    StoredAt: { S: storedAt.toISOString() },
  };
}
