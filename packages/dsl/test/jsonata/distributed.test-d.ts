import { describe, expectTypeOf, test } from 'vitest';
import {
  jsonata,
  s3Csv,
  s3InventoryManifest,
  s3Json,
  s3Jsonl,
  s3Objects,
  shape,
  workflow,
  type Batch,
  type JsonataChain,
  type S3ObjectItem,
} from '../../src/index.js';

/**
 * A Distributed Map's child execution receives one item of its reader (typed by the reader), what
 * `itemSelector` builds from it, or — with an ItemBatcher — `{ Items, BatchInput }`.
 */

/** The data leaving a chain's open ends (a processor's `b` starts with its input). */
type OutOf<C> = C extends JsonataChain<any, infer Out, any, any> ? Out : never;

interface Job {
  readonly bucket: string;
  readonly key: string;
  readonly limit: number;
}

const start = () => workflow('Distributed', { queryLanguage: 'JSONata', input: shape<Job>() });

describe('each reader types its items', () => {
  test('ListObjectsV2: an S3ObjectItem', () => {
    start().map('Objects', {
      distributed: { executionType: 'STANDARD', itemReader: s3Objects({ bucket: 'typestep-data' }) },
      itemProcessor: (b) => {
        expectTypeOf<OutOf<typeof b>>().toEqualTypeOf<S3ObjectItem>();
        return b.pass('Object', { output: ({ input }) => ({ key: input.Key, size: input.Size }) });
      },
    });
  });

  test('JSON and JSON Lines: the type given, else unknown (never any)', () => {
    start().map('Typed', {
      distributed: { executionType: 'STANDARD', itemReader: s3Json<{ id: string }>({ bucket: 'b', key: 'k' }) },
      itemProcessor: (b) => {
        expectTypeOf<OutOf<typeof b>>().toEqualTypeOf<{ id: string }>();
        return b.pass('Element');
      },
    });
    start().map('Untyped', {
      distributed: { executionType: 'STANDARD', itemReader: s3Jsonl({ bucket: 'b', key: 'k' }) },
      itemProcessor: (b) => {
        expectTypeOf<OutOf<typeof b>>().toEqualTypeOf<unknown>();
        return b.pass('Line');
      },
    });
  });

  test('CSV: a row keyed by the given headers, or by any name when they come from the file', () => {
    start().map('Given', {
      distributed: { executionType: 'STANDARD', itemReader: s3Csv({ bucket: 'b', key: 'k', headers: ['id', 'name'] }) },
      itemProcessor: (b) => {
        expectTypeOf<OutOf<typeof b>>().toEqualTypeOf<{ readonly id: string; readonly name: string }>();
        // @ts-expect-error — not one of the given headers
        return b.pass('Row', { output: ({ input }) => input.nmae });
      },
    });
    start().map('First row', {
      distributed: { executionType: 'STANDARD', itemReader: s3Csv({ bucket: 'b', key: 'k', headers: 'first-row' }) },
      itemProcessor: (b) => {
        expectTypeOf<OutOf<typeof b>>().toEqualTypeOf<{ readonly [column: string]: string }>();
        return b.pass('Row');
      },
    });
  });

  test('an S3 inventory manifest: Bucket and Key by default', () => {
    start().map('Inventory', {
      distributed: { executionType: 'STANDARD', itemReader: s3InventoryManifest({ bucket: 'b', key: 'manifest.json' }) },
      itemProcessor: (b) => {
        expectTypeOf<OutOf<typeof b>>().toEqualTypeOf<{ readonly Bucket: string; readonly Key: string }>();
        return b.pass('Listed');
      },
    });
  });

  test('itemSelector reshapes each item; context.Map.Item.Value is the reader’s item', () => {
    start().map('Selected', {
      distributed: { executionType: 'EXPRESS', itemReader: s3Objects({ bucket: 'b' }) },
      itemSelector: ({ context, input }) => {
        expectTypeOf(context.Map.Item.Value.Key).toEqualTypeOf<import('../../src/index.js').Path<string>>();
        return { key: context.Map.Item.Value.Key, bucket: input.bucket };
      },
      itemProcessor: (b) => {
        expectTypeOf<OutOf<typeof b>>().toEqualTypeOf<{ key: string; bucket: string }>();
        return b.pass('Object');
      },
    });
  });
});

describe('with an ItemBatcher a child receives { Items, BatchInput }', () => {
  test('BatchInput typed from what the batcher gives', () => {
    start().map('Batches', {
      distributed: ({ input, context }) => ({
        executionType: 'EXPRESS',
        itemReader: s3Objects({ bucket: input.bucket }),
        itemBatcher: { maxItemsPerBatch: 100, batchInput: { bucket: input.bucket, run: context.Execution.Name, count: jsonata<number>`1` } },
      }),
      itemProcessor: (b) => {
        expectTypeOf<OutOf<typeof b>>().toEqualTypeOf<Batch<S3ObjectItem, { bucket: string; run: string; count: number }>>();
        return b.pass('Batch', { output: ({ input }) => ({ keys: jsonata<string[]>`${input.Items}.Key`, bucket: input.BatchInput.bucket }) });
      },
    });
  });

  test('without batchInput, BatchInput is undefined', () => {
    start().map('Batches', {
      distributed: { executionType: 'STANDARD', itemReader: s3Objects({ bucket: 'b' }), itemBatcher: { maxItemsPerBatch: 10 } },
      itemProcessor: (b) => {
        expectTypeOf<OutOf<typeof b>>().toEqualTypeOf<Batch<S3ObjectItem, undefined>>();
        return b.pass('Batch');
      },
    });
  });

  test('the batch holds what itemSelector built', () => {
    start().map('Batches', {
      distributed: { executionType: 'STANDARD', itemReader: s3Objects({ bucket: 'b' }), itemBatcher: { maxInputBytesPerBatch: 1024 } },
      itemSelector: ({ context }) => ({ key: context.Map.Item.Value.Key }),
      itemProcessor: (b) => {
        expectTypeOf<OutOf<typeof b>>().toEqualTypeOf<Batch<{ key: string }, undefined>>();
        return b.pass('Batch');
      },
    });
  });

  test('without a batcher, one item (not a batch)', () => {
    start().map('Items', {
      distributed: { executionType: 'STANDARD', itemReader: s3Objects({ bucket: 'b' }) },
      itemProcessor: (b) => {
        // @ts-expect-error — there is no Items field: each child gets one object
        return b.pass('One', { output: ({ input }) => input.Items });
      },
    });
  });
});

describe('options are typed', () => {
  test('numbers from number fields, text from text fields', () => {
    start().map('Typed', {
      distributed: ({ input }) => ({
        executionType: 'STANDARD',
        itemReader: s3Json<unknown>({ bucket: input.bucket, key: input.key, maxItems: input.limit }),
        toleratedFailurePercentage: input.limit,
        toleratedFailureCount: jsonata<number>`1`,
      }),
      itemProcessor: (b) => b.pass('P'),
    });
    start().map('Wrong', {
      // @ts-expect-error — maxItems is a number, `key` a string
      distributed: ({ input }) => ({ executionType: 'STANDARD', itemReader: s3Json({ bucket: input.bucket, key: input.key, maxItems: input.key }) }),
      itemProcessor: (b) => b.pass('P'),
    });
    start().map('Wrong', {
      // @ts-expect-error — a bucket name is a string
      distributed: ({ input }) => ({ executionType: 'STANDARD', itemReader: s3Objects({ bucket: input.limit }) }),
      itemProcessor: (b) => b.pass('P'),
    });
  });

  test('ExecutionType is required and is STANDARD or EXPRESS; a CSV reader needs its headers', () => {
    // @ts-expect-error — no executionType
    start().map('M', { distributed: { itemReader: s3Objects({ bucket: 'b' }) }, itemProcessor: (b) => b.pass('P') });
    // @ts-expect-error — not an execution type
    start().map('M', { distributed: { executionType: 'BATCH' }, itemProcessor: (b) => b.pass('P') });
    // @ts-expect-error — where the header row comes from is required
    s3Csv({ bucket: 'b', key: 'k' });
    // @ts-expect-error — not a CSV delimiter
    s3Csv({ bucket: 'b', key: 'k', headers: 'first-row', delimiter: 'COLON' });
  });

  test('a result writer’s config takes AWS’s values only', () => {
    start().map('M', {
      distributed: { executionType: 'STANDARD', resultWriter: { bucket: 'b', writerConfig: { OutputType: 'JSONL', Transformation: 'FLATTEN' } } },
      itemProcessor: (b) => b.pass('P'),
    });
    start().map('M', {
      // @ts-expect-error — not an output type
      distributed: { executionType: 'STANDARD', resultWriter: { bucket: 'b', writerConfig: { OutputType: 'CSV' } } },
      itemProcessor: (b) => b.pass('P'),
    });
  });
});
