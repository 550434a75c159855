import { describe, expectTypeOf, test } from 'vitest';
import { shape, sub, workflow, type JsonataChain, type Path } from '../../src/index.js';
import { dynamodb, lambda, sns } from '../../src/integrations/index.js';
import type { SnsPublishResult } from '../../src/integrations/services/sns.js';

/** The data leaving a chain. Variables are inferred, not `any`: a typed path does not fit `Path<any>`'s index signature. */
type OutOf<C> = C extends JsonataChain<any, infer Out, any, infer _Vars> ? Out : never;

interface Order {
  readonly id: string;
  readonly summary: string;
}
const start = () => workflow('JsonataTyped', { queryLanguage: 'JSONata', input: shape<Order>() });

describe('the same helpers in a JSONata chain', () => {
  test('`$` is the typed state input; a misspelt field is an error', () => {
    start().task(
      'Publish',
      sns.publish({
        topicArn: sub('TopicArn'),
        message: ($) => {
          expectTypeOf($).toEqualTypeOf<Path<Order>>();
          return $.summary;
        },
      }),
    );
    // @ts-expect-error — `summry` is not a field of Order
    start().task('Publish', sns.publish({ topicArn: sub('TopicArn'), message: ($) => $.summry }));
  });

  test('the result types the next state, with or without typed variables in scope', () => {
    const published = start().task('Publish', sns.publish({ topicArn: sub('TopicArn'), message: ($) => $.summary }));
    expectTypeOf<OutOf<typeof published>>().toEqualTypeOf<SnsPublishResult>();
    const withVariables = start()
      .pass('Remember', { assign: ({ input }) => ({ orderId: input.id }) })
      .task('Save', dynamodb.putItem({ tableName: 'orders', item: ($) => ({ Id: { S: $.id } }) }));
    expectTypeOf<OutOf<typeof withVariables>>().toEqualTypeOf<dynamodb.WriteResult>();
  });

  test('outputPayload types the output as the function\'s return value', () => {
    const scored = start().task('Score', lambda.invoke({ functionName: 'score', returns: shape<{ score: number }>(), outputPayload: true }));
    expectTypeOf<OutOf<typeof scored>>().toEqualTypeOf<{ score: number }>();
  });
});
