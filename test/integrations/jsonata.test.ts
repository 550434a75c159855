import { describe, expect, it } from 'vitest';
import { format, shape, sub, workflow } from '@typestep/dsl';
import { dynamodb, lambda, sns, states } from '@typestep/dsl';
import { compileChecked, onlyState } from './support.js';

/**
 * The same helpers in a JSONata workflow: the request becomes Arguments, typed paths become
 * `{% $states.input… %}` and `$$` becomes `$states.context`.
 */
describe('integration helpers in JSONata states', () => {
  interface Order {
    readonly id: string;
    readonly summary: string;
    readonly detail: { readonly total: string };
  }

  it('write Arguments and, for outputPayload, Output instead of OutputPath', () => {
    const { states: written } = compileChecked(
      workflow('JsonataIntegrations', { queryLanguage: 'JSONata', input: shape<Order>() })
        .task('Invoke', lambda.invoke({ functionName: sub('OrderFunction'), payload: ($) => ({ id: $.id }), outputPayload: true, returns: shape<Order>() }))
        .task('Publish', { ...sns.publish({ topicArn: sub('ReportTopicArn'), message: ($) => $.summary }), output: ({ input }) => input })
        .task('Save', dynamodb.putItem({ tableName: sub('OrdersTable'), item: ($) => ({ Id: { S: $.id }, Total: { N: $.detail.total } }) })),
      ['OrderFunction', 'OrdersTable', 'ReportTopicArn'],
    );
    expect(written).toStrictEqual({
      Invoke: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Arguments: { FunctionName: '${OrderFunction}', Payload: { id: '{% $states.input.id %}' } },
        Output: '{% $states.result.Payload %}',
        Next: 'Publish',
      },
      Publish: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sns:publish',
        Arguments: { TopicArn: '${ReportTopicArn}', Message: '{% $states.input.summary %}' },
        Output: '{% $states.input %}',
        Next: 'Save',
      },
      Save: {
        Type: 'Task',
        Resource: 'arn:aws:states:::dynamodb:putItem',
        Arguments: { TableName: '${OrdersTable}', Item: { Id: { S: '{% $states.input.id %}' }, Total: { N: '{% $states.input.detail.total %}' } } },
        End: true,
      },
    });
  });

  it('read the task token and the execution id from $states.context', () => {
    const state = onlyState(
      workflow('JsonataCallback', { queryLanguage: 'JSONata', input: shape<Order>() }).task(
        'Start child',
        states.startExecution.waitForTaskToken({
          stateMachineArn: sub('ChildStateMachineArn'),
          input: ($, $$) => ({ id: $.id, token: $$.Task.Token }),
          associateWithParent: true,
        }),
      ),
      ['ChildStateMachineArn'],
    );
    expect(state).toStrictEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::states:startExecution.waitForTaskToken',
      Arguments: {
        StateMachineArn: '${ChildStateMachineArn}',
        Input: {
          id: '{% $states.input.id %}',
          token: '{% $states.context.Task.Token %}',
          AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: '{% $states.context.Execution.Id %}',
        },
      },
      End: true,
    });
  });

  it('select with inputPath from $states.input, as JSONata has no InputPath', () => {
    const state = onlyState(
      workflow('JsonataSelect', { queryLanguage: 'JSONata', input: shape<Order>() }).task(
        'Save total',
        dynamodb.putItem({ inputPath: ($) => $.detail, tableName: 'orders', item: ($) => ({ Total: { N: $.total } }) }),
      ),
    );
    expect(state.Arguments).toStrictEqual({ TableName: 'orders', Item: { Total: { N: '{% $states.input.detail.total %}' } } });
  });

  it('an intrinsic function in a JSONata request is refused by the JSONata chain, naming the fix', () => {
    const build = () =>
      workflow('JsonataIntrinsic', { queryLanguage: 'JSONata', input: shape<Order>() }).task(
        'Save',
        dynamodb.putItem({ tableName: 'orders', item: ($) => ({ Id: { S: format('order-{}', $.id) } }) }),
      );
    expect(build).toThrow('intrinsic functions (States.*) are JSONPath only');
  });
});
