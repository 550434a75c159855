import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runWorkflow, type ServiceOptions } from '../../src/index.js';
import type { MapState } from '../../src/engine/asl.js';
import { batchItems } from '../../src/engine/distributed/item-batcher.js';
import type { StateRun } from '../../src/engine/state-run.js';
import { LOCAL_CREDENTIALS, startFauxqsServer, type Fauxqs } from './support/local-servers.js';

/** Distributed Map: ResultWriter's COMPACT transformation, S3 Inventory manifests in another bucket, ItemBatcher's byte limit. */

let fauxqs: Fauxqs & { endpoint: string };
let s3: S3Client;
let services: ServiceOptions;

beforeAll(async () => {
  fauxqs = await startFauxqsServer();
  s3 = new S3Client({ endpoint: fauxqs.endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS, forcePathStyle: true });
  services = { endpoints: { s3: fauxqs.endpoint }, credentials: LOCAL_CREDENTIALS };
  for (const bucket of ['manifests', 'inventory-reports', 'compact-results']) fauxqs.createBucket(bucket);
  const put = (Bucket: string, Key: string, Body: string) => s3.send(new PutObjectCommand({ Bucket, Key, Body }));
  await Promise.all([
    // S3 Inventory writes its data files to the destination bucket the manifest names, which need not
    // be the bucket the manifest was read from.
    put('inventory-reports', 'photos/inventory/data/part-1.csv', '"photos","a.jpg","3"\n"photos","b.jpg","4"\n'),
    put(
      'manifests',
      'photos/manifest.json',
      JSON.stringify({
        sourceBucket: 'photos',
        destinationBucket: 'arn:aws:s3:::inventory-reports',
        fileFormat: 'CSV',
        fileSchema: 'Bucket, Key, Size',
        files: [{ key: 'photos/inventory/data/part-1.csv', size: 1, MD5checksum: 'x' }],
      }),
    ),
  ]);
});

afterAll(async () => {
  s3?.destroy();
  await fauxqs?.stop();
});

const DISTRIBUTED = { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' };

async function readText(bucket: string, key: string): Promise<string> {
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return object.Body!.transformToString();
}

describe('ItemReader MANIFEST', () => {
  it("reads the inventory files from the manifest's destinationBucket", async () => {
    const result = await runWorkflow(
      {
        StartAt: 'Map',
        States: {
          Map: {
            Type: 'Map',
            ItemProcessor: { ProcessorConfig: DISTRIBUTED, StartAt: 'Echo', States: { Echo: { Type: 'Pass', End: true } } },
            ItemReader: {
              Resource: 'arn:aws:states:::s3:getObject',
              ReaderConfig: { InputType: 'MANIFEST' },
              Parameters: { Bucket: 'manifests', Key: 'photos/manifest.json' },
            },
            End: true,
          },
        },
      },
      { services },
    );
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: [
        { Bucket: 'photos', Key: 'a.jpg', Size: '3' },
        { Bucket: 'photos', Key: 'b.jpg', Size: '4' },
      ],
    });
  });
});

describe('ResultWriter COMPACT', () => {
  it("writes the succeeded children's outputs as they are (arrays not flattened), and the failed ones in full", async () => {
    const processor = {
      ProcessorConfig: DISTRIBUTED,
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Variable: '$[0]', NumericGreaterThan: 2, Next: 'Bad' }], Default: 'Good' },
        Good: { Type: 'Pass', End: true },
        Bad: { Type: 'Fail', Error: 'TooBig', Cause: 'over 2' },
      },
    };
    const result = await runWorkflow(
      {
        StartAt: 'Map',
        States: {
          Map: {
            Type: 'Map',
            ItemProcessor: processor,
            ToleratedFailureCount: 1,
            ResultWriter: {
              Resource: 'arn:aws:states:::s3:putObject',
              Parameters: { Bucket: 'compact-results', Prefix: 'runs' },
              WriterConfig: { OutputType: 'JSON', Transformation: 'COMPACT' },
            },
            End: true,
          },
        },
      },
      { input: [[1, 'a'], [2], [3]], services },
    );
    expect(result).toMatchObject({ status: 'SUCCEEDED' });
    const runId = (result.output as { MapRunArn: string }).MapRunArn.split(':').at(-1);
    expect(JSON.parse(await readText('compact-results', `runs/${runId}/SUCCEEDED_0.json`))).toEqual([[1, 'a'], [2]]);
    const failed = JSON.parse(await readText('compact-results', `runs/${runId}/FAILED_0.json`)) as unknown[];
    expect(failed).toEqual([expect.objectContaining({ Input: '[3]', Error: 'TooBig', Cause: 'over 2', Status: 'FAILED' })]);
  });

  it('writes JSONL, one output per line', async () => {
    const result = await runWorkflow(
      {
        StartAt: 'Map',
        States: {
          Map: {
            Type: 'Map',
            ItemProcessor: { ProcessorConfig: DISTRIBUTED, StartAt: 'Echo', States: { Echo: { Type: 'Pass', End: true } } },
            ResultWriter: {
              Resource: 'arn:aws:states:::s3:putObject',
              Parameters: { Bucket: 'compact-results', Prefix: 'lines' },
              WriterConfig: { OutputType: 'JSONL', Transformation: 'COMPACT' },
            },
            End: true,
          },
        },
      },
      { input: [{ a: 1 }, [2, 3]], services },
    );
    expect(result).toMatchObject({ status: 'SUCCEEDED' });
    const runId = (result.output as { MapRunArn: string }).MapRunArn.split(':').at(-1);
    expect(await readText('compact-results', `lines/${runId}/SUCCEEDED_0.jsonl`)).toBe('{"a":1}\n[2,3]');
  });
});

describe('ItemBatcher', () => {
  const run = { language: 'JSONPath', name: 'Map', state: {} } as unknown as StateRun<MapState>;

  /** The batches by the definition: add items while the whole batch's JSON stays within the limits. */
  function expected(items: readonly unknown[], maxItems: number, maxBytes: number, batchInput?: unknown): unknown[] {
    const batch = (members: unknown[]) => (batchInput === undefined ? { Items: members } : { BatchInput: batchInput, Items: members });
    const batches: unknown[] = [];
    let current: unknown[] = [];
    for (const item of items) {
      const bytes = Buffer.byteLength(JSON.stringify(batch([...current, item])), 'utf8');
      if (current.length > 0 && (current.length >= maxItems || bytes > maxBytes)) {
        batches.push(batch(current));
        current = [item];
      } else current.push(item);
    }
    if (current.length > 0) batches.push(batch(current));
    return batches;
  }

  it('fills each batch up to MaxInputBytesPerBatch, counting UTF-8 bytes', async () => {
    const items = Array.from({ length: 60 }, (_, i) =>
      i % 3 === 0 ? { name: 'é✓'.repeat(i % 7), i } : i % 3 === 1 ? `item ${i}` : [i, null],
    );
    for (const maxBytes of [20, 41, 64, 100, 333]) {
      for (const maxItems of [3, Infinity]) {
        const batcher = { MaxInputBytesPerBatch: maxBytes, ...(maxItems !== Infinity ? { MaxItemsPerBatch: maxItems } : {}) };
        expect(await batchItems(run, batcher, items, {}), `${maxBytes} bytes, ${maxItems} items`).toEqual(
          expected(items, maxItems, maxBytes),
        );
      }
    }
  });

  it('serialises each item once, not the whole batch again for every item it adds', async () => {
    const items = Array.from({ length: 3000 }, (_, i) => `item-${i}`);
    const stringify = JSON.stringify;
    let characters = 0;
    const spy = vi.spyOn(JSON, 'stringify').mockImplementation((...args: Parameters<typeof stringify>) => {
      const text = stringify(...args);
      characters += text?.length ?? 0;
      return text;
    });
    try {
      const batches = await batchItems(run, { MaxInputBytesPerBatch: 262_144 }, items, {});
      expect(batches).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
    // The items' JSON is about 33 KB; serialising the growing batch per item is about 50 MB.
    expect(characters).toBeLessThan(200_000);
  });
});
