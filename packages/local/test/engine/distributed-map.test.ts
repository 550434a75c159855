import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExecution, runWorkflow, type ChildExecution, type ServiceOptions } from '../../src/index.js';
import { LOCAL_CREDENTIALS, startFauxqsServer, type Fauxqs } from './support/local-servers.js';

/** Distributed Map against a real S3 server (fauxqs, in this process): ItemReader, ItemBatcher, ResultWriter, child executions. */

let fauxqs: Fauxqs & { endpoint: string };
let s3: S3Client;
let services: ServiceOptions;

beforeAll(async () => {
  fauxqs = await startFauxqsServer();
  s3 = new S3Client({ endpoint: fauxqs.endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS, forcePathStyle: true });
  services = { endpoints: { s3: fauxqs.endpoint }, credentials: LOCAL_CREDENTIALS };
  fauxqs.createBucket('data');
  fauxqs.createBucket('results');
  const put = (Key: string, Body: string | Uint8Array) => s3.send(new PutObjectCommand({ Bucket: 'data', Key, Body }));
  await Promise.all([
    put('images/a.jpg', 'aaa'),
    put('images/b.jpg', 'bbbb'),
    put('images/c.jpg', 'c'),
    put('other/skip.txt', 'x'),
    put('items.json', JSON.stringify([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }, { n: 5 }])),
    put('items.jsonl', '{"n":1}\n{"n":2}\n\n{"n":3}\n'),
    put('people.csv', 'name,age\nAnn,31\n"Bo, Jr.",7\n'),
    put('people-no-header.csv', 'Ann;31\nBo;7\n'),
    put('inventory/data/part-1.csv.gz', gzipSync('data,images/a.jpg,3\ndata,images/b.jpg,4\n')),
    put(
      'inventory/manifest.json',
      JSON.stringify({
        sourceBucket: 'data',
        destinationBucket: 'arn:aws:s3:::data',
        fileFormat: 'CSV',
        fileSchema: 'Bucket, Key, Size',
        files: [{ key: 'inventory/data/part-1.csv.gz', size: 1, MD5checksum: 'x' }],
      }),
    ),
  ]);
});

afterAll(async () => {
  s3?.destroy();
  await fauxqs?.stop();
});

const DISTRIBUTED = { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' };
const echoProcessor = { ProcessorConfig: DISTRIBUTED, StartAt: 'Echo', States: { Echo: { Type: 'Pass', End: true } } };

function mapState(fields: Record<string, unknown>) {
  return { StartAt: 'Map', States: { Map: { Type: 'Map', ItemProcessor: echoProcessor, ...fields, End: true } } };
}

describe('ItemReader', () => {
  it('lists the objects under a prefix (s3:listObjectsV2), one child execution per object', async () => {
    const children: ChildExecution[] = [];
    const result = await runWorkflow(
      mapState({
        Label: 'Thumbs',
        ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'data', Prefix: 'images/' } },
        ItemSelector: { 'key.$': '$$.Map.Item.Value.Key', 'size.$': '$$.Map.Item.Value.Size' },
      }),
      {
        services,
        stateMachineName: 'Photos',
        startExecution: (child) => (children.push(child), runExecution({ ...child, definition: child.definition! })),
      },
    );
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      output: [
        { key: 'images/a.jpg', size: 3 },
        { key: 'images/b.jpg', size: 4 },
        { key: 'images/c.jpg', size: 1 },
      ],
    });
    expect(children).toHaveLength(3);
    expect(children[0]).toMatchObject({
      stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:Photos/Thumbs',
      definition: { StartAt: 'Echo', QueryLanguage: 'JSONPath' },
    });
    expect(children[0]!.executionArn).toMatch(/^arn:aws:states:us-east-1:123456789012:execution:Photos\/Thumbs:[0-9a-f-]{36}$/);
    const mapRun = result.events.find((e) => e.type === 'MapRunStarted')!.mapRunStartedEventDetails!.mapRunArn!;
    expect(mapRun).toMatch(/^arn:aws:states:us-east-1:123456789012:mapRun:Photos\/Thumbs:[0-9a-f-]{36}$/);
  });

  it.each([
    ['JSON', 'items.json', {}, [{ n: 1 }, { n: 2 }, { n: 3 }]],
    ['JSONL', 'items.jsonl', {}, [{ n: 1 }, { n: 2 }, { n: 3 }]],
    [
      'CSV',
      'people.csv',
      { CSVHeaderLocation: 'FIRST_ROW' },
      [
        { name: 'Ann', age: '31' },
        { name: 'Bo, Jr.', age: '7' },
      ],
    ],
    [
      'CSV',
      'people-no-header.csv',
      { CSVHeaderLocation: 'GIVEN', CSVHeaders: ['name', 'age'], CSVDelimiter: 'SEMICOLON' },
      [
        { name: 'Ann', age: '31' },
        { name: 'Bo', age: '7' },
      ],
    ],
    [
      'MANIFEST',
      'inventory/manifest.json',
      {},
      [
        { Bucket: 'data', Key: 'images/a.jpg', Size: '3' },
        { Bucket: 'data', Key: 'images/b.jpg', Size: '4' },
      ],
    ],
  ])('reads an object as %s (%s)', async (inputType, key, config, expected) => {
    const reader = {
      Resource: 'arn:aws:states:::s3:getObject',
      ReaderConfig: { InputType: inputType, MaxItems: 3, ...config },
      Parameters: { Bucket: 'data', Key: key },
    };
    const result = await runWorkflow(mapState({ ItemReader: reader }), { services });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: expected });
  });

  it('fails with States.ItemReaderFailed when the object cannot be read', async () => {
    const reader = {
      Resource: 'arn:aws:states:::s3:getObject',
      ReaderConfig: { InputType: 'JSON' },
      Parameters: { Bucket: 'data', Key: 'missing.json' },
    };
    const result = await runWorkflow(mapState({ ItemReader: reader }), { services });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.ItemReaderFailed' });
    expect(result.cause).toContain("The ItemReader of Map state 'Map' could not read its items");
  });
});

describe('ItemBatcher', () => {
  it('gives each child a batch of Items with the BatchInput', async () => {
    const inputs: unknown[] = [];
    await runWorkflow(mapState({ ItemsPath: '$.items', ItemBatcher: { MaxItemsPerBatch: 2, BatchInput: { 'run.$': '$.run' } } }), {
      input: { items: [1, 2, 3, 4, 5], run: 'r-1' },
      startExecution: (child) => (inputs.push(child.input), runExecution({ ...child, definition: child.definition! })),
    });
    expect(inputs).toEqual([
      { BatchInput: { run: 'r-1' }, Items: [1, 2] },
      { BatchInput: { run: 'r-1' }, Items: [3, 4] },
      { BatchInput: { run: 'r-1' }, Items: [5] },
    ]);
  });

  it('limits a batch by MaxInputBytesPerBatch (two items are 33 bytes of JSON, three are 44)', async () => {
    const result = await runWorkflow(mapState({ ItemBatcher: { MaxInputBytesPerBatch: 40 } }), {
      input: ['aaaaaaaa', 'bbbbbbbb', 'cccccccc'],
    });
    expect(result.output).toEqual([{ Items: ['aaaaaaaa', 'bbbbbbbb'] }, { Items: ['cccccccc'] }]);
  });
});

describe('ResultWriter', () => {
  async function readJson(key: string): Promise<unknown> {
    const object = await s3.send(new GetObjectCommand({ Bucket: 'results', Key: key }));
    return JSON.parse(await object.Body!.transformToString());
  }

  it("writes the children's results and a manifest to S3, and returns where", async () => {
    const processor = {
      ProcessorConfig: DISTRIBUTED,
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Variable: '$', NumericGreaterThan: 2, Next: 'Bad' }], Default: 'Good' },
        Good: { Type: 'Pass', Parameters: { 'ok.$': '$' }, End: true },
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
            ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'results', Prefix: 'runs' } },
            End: true,
          },
        },
      },
      { input: [1, 2, 3], services },
    );
    expect(result.status).toBe('SUCCEEDED');
    const output = result.output as { MapRunArn: string; ResultWriterDetails: { Bucket: string; Key: string } };
    const runId = output.MapRunArn.split(':').at(-1);
    expect(output.ResultWriterDetails).toEqual({ Bucket: 'results', Key: `runs/${runId}/manifest.json` });
    const manifest = (await readJson(output.ResultWriterDetails.Key)) as {
      DestinationBucket: string;
      MapRunArn: string;
      ResultFiles: Record<string, { Key: string; Size: number }[]>;
    };
    expect(manifest).toMatchObject({ DestinationBucket: 'results', MapRunArn: output.MapRunArn, ResultFiles: { PENDING: [] } });
    expect(manifest.ResultFiles.SUCCEEDED!.map((file) => file.Key)).toEqual([`runs/${runId}/SUCCEEDED_0.json`]);
    const succeeded = (await readJson(`runs/${runId}/SUCCEEDED_0.json`)) as Record<string, unknown>[];
    expect(succeeded.map((entry) => [entry.Input, entry.Output, entry.Status])).toEqual([
      ['1', '{"ok":1}', 'SUCCEEDED'],
      ['2', '{"ok":2}', 'SUCCEEDED'],
    ]);
    const failed = (await readJson(`runs/${runId}/FAILED_0.json`)) as Record<string, unknown>[];
    expect(failed).toEqual([expect.objectContaining({ Input: '3', Error: 'TooBig', Cause: 'over 2', Status: 'FAILED' })]);
  });

  it('writes the outputs alone as JSONL with WriterConfig FLATTEN', async () => {
    const result = await runWorkflow(
      mapState({
        ResultWriter: {
          Resource: 'arn:aws:states:::s3:putObject',
          Parameters: { Bucket: 'results', Prefix: 'flat' },
          WriterConfig: { OutputType: 'JSONL', Transformation: 'FLATTEN' },
        },
      }),
      { input: [{ a: 1 }, { a: 2 }], services },
    );
    const runId = (result.output as { MapRunArn: string }).MapRunArn.split(':').at(-1);
    const object = await s3.send(new GetObjectCommand({ Bucket: 'results', Key: `flat/${runId}/SUCCEEDED_0.jsonl` }));
    expect(await object.Body!.transformToString()).toBe('{"a":1}\n{"a":2}');
  });

  it('fails with States.ResultWriterFailed when it cannot write', async () => {
    const result = await runWorkflow(
      mapState({ ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'no-such-bucket', Prefix: 'x' } } }),
      { input: [1], services },
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.ResultWriterFailed' });
    expect(result.cause).toContain('s3://no-such-bucket/x/');
  });
});
