import { apiFields } from '../../request/api-fields.js';
import type { CallOptions } from '../../request/call-options.js';
import type { Field, Text } from '../../request/field.js';
import { serviceCall, type Request } from '../../request/service-call.js';
import { integrationTask, type IntegrationTask } from '../../render/integration-task.js';
import type { AttributeMap, Attributes, StoredItem } from './attribute-value.js';

/*
 * The optimized DynamoDB integration: GetItem, PutItem, UpdateItem and DeleteItem, request-response
 * only (AWS offers neither `.sync` nor `.waitForTaskToken` for it, so these helpers have none).
 */

type ReturnConsumedCapacity = 'INDEXES' | 'TOTAL' | 'NONE';

/** Options every item call takes. */
interface ItemCallOptions<In, Selected> extends CallOptions<In, Selected> {
  /** The table's name or ARN (or `sub('…')`). */
  readonly tableName: Field<Selected, Text>;
  readonly expressionAttributeNames?: Field<Selected, { readonly [placeholder: `#${string}`]: Text }>;
  readonly returnConsumedCapacity?: ReturnConsumedCapacity;
}

/** Options of the calls that write, which may be conditional. */
interface WriteOptions<In, Selected> extends ItemCallOptions<In, Selected> {
  readonly conditionExpression?: Field<Selected, Text>;
  readonly expressionAttributeValues?: Field<Selected, { readonly [placeholder: `:${string}`]: AttributeMap[string] }>;
  readonly returnItemCollectionMetrics?: 'SIZE' | 'NONE';
  readonly returnValuesOnConditionCheckFailure?: 'ALL_OLD' | 'NONE';
}

/** What the writing calls return: the item's attributes when ReturnValues asks for them. */
export interface WriteResult {
  readonly Attributes?: StoredItem;
  readonly ConsumedCapacity?: unknown;
  readonly ItemCollectionMetrics?: unknown;
}

export interface GetItemResult {
  /** Absent when no item has the key. */
  readonly Item?: StoredItem;
  readonly ConsumedCapacity?: unknown;
}

export interface GetItemOptions<In, Selected> extends ItemCallOptions<In, Selected> {
  readonly key: Field<Selected, Attributes>;
  readonly consistentRead?: boolean;
  readonly projectionExpression?: Field<Selected, Text>;
}

export interface PutItemOptions<In, Selected> extends WriteOptions<In, Selected> {
  /** `($) => ({ Id: { S: $.id }, Total: { N: $.total } })` */
  readonly item: Field<Selected, Attributes>;
  readonly returnValues?: 'NONE' | 'ALL_OLD';
}

export interface UpdateItemOptions<In, Selected> extends WriteOptions<In, Selected> {
  readonly key: Field<Selected, Attributes>;
  readonly updateExpression: Field<Selected, Text>;
  readonly returnValues?: 'NONE' | 'ALL_OLD' | 'UPDATED_OLD' | 'ALL_NEW' | 'UPDATED_NEW';
}

export interface DeleteItemOptions<In, Selected> extends WriteOptions<In, Selected> {
  readonly key: Field<Selected, Attributes>;
  readonly returnValues?: 'NONE' | 'ALL_OLD';
}

const COMMON = ['expressionAttributeNames', 'returnConsumedCapacity'] as const;
const WRITE = ['conditionExpression', 'expressionAttributeNames', 'expressionAttributeValues', 'returnConsumedCapacity', 'returnItemCollectionMetrics', 'returnValuesOnConditionCheckFailure'] as const;

const itemTask = <In, Selected, Result>(action: string, options: CallOptions<In, Selected>, request: Request<Selected>) =>
  integrationTask<In, Selected, Result>(serviceCall('dynamodb', action, 'requestResponse', request), options.inputPath);

/** `arn:aws:states:::dynamodb:getItem` */
export const getItem = <In, Selected = In>(options: GetItemOptions<In, Selected>): IntegrationTask<In, Selected, GetItemResult> =>
  itemTask('getItem', options, ($, $$) => apiFields(options, ['tableName', 'key', 'consistentRead', 'projectionExpression', ...COMMON], $, $$));

/** `arn:aws:states:::dynamodb:putItem` */
export const putItem = <In, Selected = In>(options: PutItemOptions<In, Selected>): IntegrationTask<In, Selected, WriteResult> =>
  itemTask('putItem', options, ($, $$) => apiFields(options, ['tableName', 'item', ...WRITE, 'returnValues'], $, $$));

/** `arn:aws:states:::dynamodb:updateItem` */
export const updateItem = <In, Selected = In>(options: UpdateItemOptions<In, Selected>): IntegrationTask<In, Selected, WriteResult> =>
  itemTask('updateItem', options, ($, $$) => apiFields(options, ['tableName', 'key', 'updateExpression', ...WRITE, 'returnValues'], $, $$));

/** `arn:aws:states:::dynamodb:deleteItem` */
export const deleteItem = <In, Selected = In>(options: DeleteItemOptions<In, Selected>): IntegrationTask<In, Selected, WriteResult> =>
  itemTask('deleteItem', options, ($, $$) => apiFields(options, ['tableName', 'key', ...WRITE, 'returnValues'], $, $$));
