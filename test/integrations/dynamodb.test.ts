import { describe, expect, it } from 'vitest';
import { at, format, shape, sub, workflow } from '@typestep/dsl';
import { dynamodb } from '@typestep/dsl';
import { onlyState } from './support.js';

/** The table of the examples on AWS's "Perform DynamoDB CRUD operations" page. */
const TABLE = 'TransferDataRecords-DDBTable-3I41R5L5EAGT';

describe('dynamodb (arn:aws:states:::dynamodb:…), request-response only', () => {
  it('getItem: the page\'s "Read next Message from DynamoDB" state', () => {
    const state = onlyState(
      workflow('DdbGet', { input: shape<{ List: string[] }>() }).task(
        'Read next Message from DynamoDB',
        dynamodb.getItem({ tableName: TABLE, key: ($) => ({ MessageId: { S: at($.List, 0) } }) }),
      ),
    );
    expect(state).toStrictEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::dynamodb:getItem',
      Parameters: { TableName: TABLE, Key: { MessageId: { 'S.$': '$.List[0]' } } },
      End: true,
    });
  });

  it('putItem: typed attribute values (S, N, BOOL, M, L, SS, NULL) from the input and literals', () => {
    interface Trade {
      id: string;
      price: string;
      qty: number;
      paid: boolean;
      tags: string[];
      buyer: { name: string };
    }
    const state = onlyState(
      workflow('DdbPut', { input: shape<Trade>() }).task(
        'Record Transaction',
        dynamodb.putItem({
          tableName: sub('DDBTable'),
          item: ($) => ({
            Id: { S: $.id },
            Price: { N: $.price },
            Quantity: { N: format('{}', $.qty) },
            Paid: { BOOL: $.paid },
            Tags: { SS: $.tags },
            Buyer: { M: { Name: { S: $.buyer.name } } },
            History: { L: [{ S: 'created' }, { N: '1' }] },
            Note: { NULL: true },
          }),
          conditionExpression: 'attribute_not_exists(Id)',
          returnValues: 'ALL_OLD',
        }),
      ),
      ['DDBTable'],
    );
    expect(state).toStrictEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::dynamodb:putItem',
      Parameters: {
        TableName: '${DDBTable}',
        Item: {
          Id: { 'S.$': '$.id' },
          Price: { 'N.$': '$.price' },
          Quantity: { 'N.$': "States.Format('{}', $.qty)" },
          Paid: { 'BOOL.$': '$.paid' },
          Tags: { 'SS.$': '$.tags' },
          Buyer: { M: { Name: { 'S.$': '$.buyer.name' } } },
          History: { L: [{ S: 'created' }, { N: '1' }] },
          Note: { NULL: true },
        },
        ConditionExpression: 'attribute_not_exists(Id)',
        ReturnValues: 'ALL_OLD',
      },
      End: true,
    });
  });

  it('updateItem: the page\'s "Update DynamoDB" state', () => {
    const state = onlyState(
      workflow('DdbUpdate').task(
        'Update DynamoDB',
        dynamodb.updateItem({
          tableName: TABLE,
          key: { MessageId: { S: 'MyMessage' } },
          updateExpression: 'SET MessageId = :myValueRef',
          expressionAttributeValues: { ':myValueRef': { S: 'MyMessage2' } },
        }),
      ),
    );
    expect(state).toStrictEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::dynamodb:updateItem',
      Parameters: {
        TableName: TABLE,
        Key: { MessageId: { S: 'MyMessage' } },
        UpdateExpression: 'SET MessageId = :myValueRef',
        ExpressionAttributeValues: { ':myValueRef': { S: 'MyMessage2' } },
      },
      End: true,
    });
  });

  it('deleteItem: the page\'s "Remove Message from DynamoDB" state, the key read whole from the input', () => {
    const literal = onlyState(
      workflow('DdbDelete').task('Remove Message from DynamoDB', dynamodb.deleteItem({ tableName: TABLE, key: { MessageId: { S: 'MyMessage' } } })),
    );
    expect(literal).toStrictEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::dynamodb:deleteItem',
      Parameters: { TableName: TABLE, Key: { MessageId: { S: 'MyMessage' } } },
      End: true,
    });
    const fromInput = onlyState(
      workflow('DdbDeleteByKey', { input: shape<{ key: { Id: { S: string } } }>() }).task(
        'Remove',
        dynamodb.deleteItem({ tableName: TABLE, key: ($) => $.key, expressionAttributeNames: { '#s': 'status' }, conditionExpression: '#s <> :open' }),
      ),
    );
    expect(fromInput.Parameters).toStrictEqual({ TableName: TABLE, 'Key.$': '$.key', ConditionExpression: '#s <> :open', ExpressionAttributeNames: { '#s': 'status' } });
  });
});
