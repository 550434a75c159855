import { lambda, s3Objects, shape, sub, workflow, type Batch, type JsonataChain, type S3ObjectItem } from '@typestep/dsl';
import { describe, expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import { contracts, sumUsageBatchContract, type RequestOf, type ResultOf } from '../../src/index.js';
import { sumUsageBatchHandler } from '../../src/handlers.js';

type Row = { extension: string; objects: number; bytes: number };
/** The data leaving a chain's open ends. */
type OutOf<C> = C extends JsonataChain<any, infer Out, any, any> ? Out : never;

describe("sum-usage-batch's contract, for the modern usage report", () => {
  test('a batch of the S3 reader\'s objects with BatchInput { bucket } is what it accepts', () => {
    expectTypeOf<Batch<S3ObjectItem, { bucket: string }>>().toExtend<z.input<typeof sumUsageBatchContract.input>>();
    // The ItemBatcher always sends BatchInput, and the batch is the objects, not one of them.
    expectTypeOf<{ Items: S3ObjectItem[] }>().not.toExtend<z.input<typeof sumUsageBatchContract.input>>();
    expectTypeOf<S3ObjectItem[]>().not.toExtend<z.input<typeof sumUsageBatchContract.input>>();
    expectTypeOf<RequestOf<typeof sumUsageBatchContract>['Items'][number]['Size']>().toEqualTypeOf<number>();
  });

  test('it returns rows of { extension, objects, bytes }', () => {
    expectTypeOf<ResultOf<typeof sumUsageBatchContract>>().toEqualTypeOf<{ rows: Row[] }>();
    expectTypeOf(sumUsageBatchHandler).returns.resolves.toEqualTypeOf<{ rows: Row[] }>();
    expectTypeOf(contracts['sum-usage-batch']).toEqualTypeOf(sumUsageBatchContract);
  });

  test('a Distributed Map batch task bound to the contract types its Payload, and needs the bucket in BatchInput', () => {
    const report = () => workflow('UsageBatches', { queryLanguage: 'JSONata', input: shape<{ bucket: string }>() });
    report().map('Sum', {
      distributed: ({ input }) => ({
        executionType: 'EXPRESS',
        itemReader: s3Objects({ bucket: input.bucket }),
        itemBatcher: { maxItemsPerBatch: 1000, batchInput: { bucket: input.bucket } },
      }),
      itemProcessor: (batch) => {
        const summed = batch.task('Sum batch', lambda.invoke({ functionName: sub('SumUsageBatchFunctionArn'), contract: sumUsageBatchContract, outputPayload: true }));
        expectTypeOf<OutOf<typeof summed>>().toEqualTypeOf<{ rows: Row[] }>();
        return summed;
      },
    });
    report().map('Sum', {
      distributed: { executionType: 'EXPRESS', itemReader: s3Objects({ bucket: 'logs' }), itemBatcher: { maxItemsPerBatch: 1000 } },
      // @ts-expect-error: without BatchInput the batch is not what the handler accepts (it asks for a payload built to the contract)
      itemProcessor: (batch) => batch.task('Sum batch', lambda.invoke({ functionName: sub('SumUsageBatchFunctionArn'), contract: sumUsageBatchContract })),
    });
  });
});
