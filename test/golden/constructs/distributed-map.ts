import { jsonata, s3Csv, s3InventoryManifest, s3Json, s3Jsonl, s3Objects, shape, sub, workflow } from '@typestep/dsl';
import type { GoldenCase } from './golden-case.js';

/**
 * Distributed Map in both query languages. AWS: "Using Map state in Distributed mode", "ItemReader
 * (Map)", "ItemBatcher (Map)", "ResultWriter (Map)" (Step Functions developer guide). A JSONPath
 * state writes a value read at run time as the field's `…Path` twin (or a `"key.$"` in Parameters /
 * BatchInput); a JSONata state writes it as a `{% … %}` expression in the field itself.
 */

interface Job {
  readonly bucket: string;
  readonly key: string;
  readonly maxItems: number;
  readonly batchSize: number;
  readonly maxBytes: number;
  readonly tolerated: number;
  readonly failures: number;
  readonly concurrency: number;
}

const getObject = 'arn:aws:states:::s3:getObject';
const processor = (start: string, mode: 'STANDARD' | 'EXPRESS', states: Record<string, unknown>) => ({
  ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: mode },
  StartAt: start,
  States: states,
});

export const distributedMapCases: readonly GoldenCase[] = [
  {
    construct: 'Distributed Map (JSONPath): ListObjectsV2 reader with Prefix and MaxItems, ItemSelector, ItemBatcher with BatchInput, ResultWriter, tolerated failures, Label, STANDARD',
    workflow: workflow('DistributedJsonPath', { input: shape<Job>() }).map('List objects', {
      distributed: ($, $$) => ({
        executionType: 'STANDARD',
        itemReader: s3Objects({ bucket: $.bucket, prefix: 'logs/', maxItems: 1000 }),
        itemBatcher: { maxItemsPerBatch: 100, maxInputBytesPerBatch: 262144, batchInput: { execution: $$.Execution.Id, fixed: 'x' } },
        resultWriter: { bucket: sub('ResultsBucket'), prefix: 'runs', writerConfig: { OutputType: 'JSONL', Transformation: 'COMPACT' } },
        toleratedFailurePercentage: 5,
        toleratedFailureCount: 10,
        label: 'objects',
      }),
      itemSelector: ($, $$) => ({ key: $$.Map.Item.Value.Key, size: $$.Map.Item.Value.Size }),
      maxConcurrency: 50,
      itemProcessor: (b) => b.pass('Object'),
    }),
    asl: {
      StartAt: 'List objects',
      States: {
        'List objects': {
          Type: 'Map',
          ItemReader: {
            Resource: 'arn:aws:states:::s3:listObjectsV2',
            ReaderConfig: { MaxItems: 1000 },
            Parameters: { 'Bucket.$': '$.bucket', Prefix: 'logs/' },
          },
          ItemSelector: { 'key.$': '$$.Map.Item.Value.Key', 'size.$': '$$.Map.Item.Value.Size' },
          ItemBatcher: { MaxItemsPerBatch: 100, MaxInputBytesPerBatch: 262144, BatchInput: { 'execution.$': '$$.Execution.Id', fixed: 'x' } },
          MaxConcurrency: 50,
          ToleratedFailurePercentage: 5,
          ToleratedFailureCount: 10,
          Label: 'objects',
          ItemProcessor: processor('Object', 'STANDARD', { Object: { Type: 'Pass', End: true } }),
          ResultWriter: {
            Resource: 'arn:aws:states:::s3:putObject',
            Parameters: { Bucket: '${ResultsBucket}', Prefix: 'runs' },
            WriterConfig: { OutputType: 'JSONL', Transformation: 'COMPACT' },
          },
          End: true,
        },
      },
    },
    placeholders: ['ResultsBucket'],
  },
  {
    construct: 'Distributed Map (JSONPath): the Path forms — MaxItemsPath, MaxItemsPerBatchPath, MaxInputBytesPerBatchPath, ToleratedFailure…Path, MaxConcurrencyPath; JSON reader; EXPRESS',
    workflow: workflow('DistributedJsonPathPaths', { input: shape<Job>() }).map('Read JSON', {
      distributed: ($) => ({
        executionType: 'EXPRESS',
        itemReader: s3Json<{ id: string }>({ bucket: $.bucket, key: $.key, maxItems: $.maxItems }),
        itemBatcher: { maxItemsPerBatch: $.batchSize, maxInputBytesPerBatch: $.maxBytes },
        toleratedFailurePercentage: $.tolerated,
        toleratedFailureCount: $.failures,
      }),
      maxConcurrency: ($) => $.concurrency,
      itemProcessor: (b) => b.pass('Record'),
    }),
    asl: {
      StartAt: 'Read JSON',
      States: {
        'Read JSON': {
          Type: 'Map',
          ItemReader: {
            Resource: getObject,
            ReaderConfig: { InputType: 'JSON', MaxItemsPath: '$.maxItems' },
            Parameters: { 'Bucket.$': '$.bucket', 'Key.$': '$.key' },
          },
          ItemBatcher: { MaxItemsPerBatchPath: '$.batchSize', MaxInputBytesPerBatchPath: '$.maxBytes' },
          MaxConcurrencyPath: '$.concurrency',
          ToleratedFailurePercentagePath: '$.tolerated',
          ToleratedFailureCountPath: '$.failures',
          ItemProcessor: processor('Record', 'EXPRESS', { Record: { Type: 'Pass', End: true } }),
          End: true,
        },
      },
    },
  },
  {
    construct: 'Distributed Map (JSONPath): JSONL, CSV (header row; given headers with a delimiter) and S3 inventory manifest readers',
    workflow: workflow('DistributedJsonPathReaders', { input: shape<Job>() })
      .map('Lines', {
        distributed: { executionType: 'STANDARD', itemReader: s3Jsonl({ bucket: 'typestep-data', key: 'lines.jsonl' }) },
        itemProcessor: (b) => b.pass('Line'),
        resultPath: null,
      })
      .map('Rows with a header', {
        distributed: { executionType: 'STANDARD', itemReader: s3Csv({ bucket: 'typestep-data', key: 'rows.csv', headers: 'first-row' }) },
        itemProcessor: (b) => b.pass('Row'),
        resultPath: null,
      })
      .map('Rows without a header', {
        distributed: {
          executionType: 'STANDARD',
          itemReader: s3Csv({ bucket: 'typestep-data', key: 'rows.psv', headers: ['id', 'name'], delimiter: 'PIPE', maxItems: 10 }),
        },
        itemProcessor: (b) => b.pass('Named row'),
        resultPath: null,
      })
      .map('Inventory', {
        distributed: { executionType: 'STANDARD', itemReader: s3InventoryManifest({ bucket: 'typestep-inventory', key: 'data/manifest.json' }) },
        itemProcessor: (b) => b.pass('Inventoried object'),
      }),
    asl: {
      StartAt: 'Lines',
      States: {
        Lines: {
          Type: 'Map',
          ItemReader: { Resource: getObject, ReaderConfig: { InputType: 'JSONL' }, Parameters: { Bucket: 'typestep-data', Key: 'lines.jsonl' } },
          ItemProcessor: processor('Line', 'STANDARD', { Line: { Type: 'Pass', End: true } }),
          ResultPath: null,
          Next: 'Rows with a header',
        },
        'Rows with a header': {
          Type: 'Map',
          ItemReader: {
            Resource: getObject,
            ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
            Parameters: { Bucket: 'typestep-data', Key: 'rows.csv' },
          },
          ItemProcessor: processor('Row', 'STANDARD', { Row: { Type: 'Pass', End: true } }),
          ResultPath: null,
          Next: 'Rows without a header',
        },
        'Rows without a header': {
          Type: 'Map',
          ItemReader: {
            Resource: getObject,
            ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['id', 'name'], CSVDelimiter: 'PIPE', MaxItems: 10 },
            Parameters: { Bucket: 'typestep-data', Key: 'rows.psv' },
          },
          ItemProcessor: processor('Named row', 'STANDARD', { 'Named row': { Type: 'Pass', End: true } }),
          ResultPath: null,
          Next: 'Inventory',
        },
        Inventory: {
          Type: 'Map',
          ItemReader: {
            Resource: getObject,
            ReaderConfig: { InputType: 'MANIFEST' },
            Parameters: { Bucket: 'typestep-inventory', Key: 'data/manifest.json' },
          },
          ItemProcessor: processor('Inventoried object', 'STANDARD', { 'Inventoried object': { Type: 'Pass', End: true } }),
          End: true,
        },
      },
    },
  },
  {
    construct: 'Distributed Map (JSONata): reader Arguments and MaxItems, batcher limits and tolerated failures as expressions, BatchInput, ResultWriter, ItemSelector, MaxConcurrency, Label, EXPRESS',
    workflow: workflow('DistributedJsonata', { queryLanguage: 'JSONata', input: shape<Job>() }).map('Rows', {
      distributed: ({ input, context }) => ({
        executionType: 'EXPRESS',
        itemReader: s3Csv({ bucket: input.bucket, key: 'data/rows.csv', headers: 'first-row', maxItems: input.maxItems }),
        itemBatcher: { maxItemsPerBatch: input.batchSize, maxInputBytesPerBatch: jsonata<number>`200 * 1024`, batchInput: { run: context.Execution.Name } },
        resultWriter: { bucket: input.bucket, prefix: jsonata<string>`'results/' & ${context.Execution.Name}` },
        toleratedFailurePercentage: input.tolerated,
        toleratedFailureCount: jsonata<number>`10`,
        label: 'rows',
      }),
      itemSelector: ({ context }) => ({ row: context.Map.Item.Value, index: context.Map.Item.Index }),
      maxConcurrency: ({ input }) => input.concurrency,
      itemProcessor: (batch) => batch.pass('Batch', { output: ({ input }) => ({ rows: jsonata<number>`$count(${input.Items})`, run: input.BatchInput.run }) }),
      output: ({ result }) => ({ batches: jsonata<number>`$count(${result})` }),
    }),
    asl: {
      QueryLanguage: 'JSONata',
      StartAt: 'Rows',
      States: {
        Rows: {
          Type: 'Map',
          ItemReader: {
            Resource: getObject,
            ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', MaxItems: '{% $states.input.maxItems %}' },
            Arguments: { Bucket: '{% $states.input.bucket %}', Key: 'data/rows.csv' },
          },
          ItemSelector: { row: '{% $states.context.Map.Item.Value %}', index: '{% $states.context.Map.Item.Index %}' },
          ItemBatcher: {
            MaxItemsPerBatch: '{% $states.input.batchSize %}',
            MaxInputBytesPerBatch: '{% 200 * 1024 %}',
            BatchInput: { run: '{% $states.context.Execution.Name %}' },
          },
          MaxConcurrency: '{% $states.input.concurrency %}',
          ToleratedFailurePercentage: '{% $states.input.tolerated %}',
          ToleratedFailureCount: '{% 10 %}',
          Label: 'rows',
          ItemProcessor: processor('Batch', 'EXPRESS', {
            Batch: { Type: 'Pass', Output: { rows: '{% $count($states.input.Items) %}', run: '{% $states.input.BatchInput.run %}' }, End: true },
          }),
          ResultWriter: {
            Resource: 'arn:aws:states:::s3:putObject',
            Arguments: { Bucket: '{% $states.input.bucket %}', Prefix: "{% 'results/' & $states.context.Execution.Name %}" },
          },
          Output: { batches: '{% $count($states.result) %}' },
          End: true,
        },
      },
    },
  },
  {
    construct: 'Distributed Map (JSONata): ListObjectsV2, JSON, JSONL, CSV with given headers and inventory manifest readers; numbers as numbers; STANDARD',
    workflow: workflow('DistributedJsonataReaders', { queryLanguage: 'JSONata', input: shape<Job>() })
      .map('Objects', {
        distributed: ({ input }) => ({
          executionType: 'STANDARD',
          itemReader: s3Objects({ bucket: sub('LogsBucket'), prefix: input.key, maxItems: 500 }),
          toleratedFailurePercentage: 0,
        }),
        itemProcessor: (b) => b.pass('Object', { output: ({ input }) => input.Key }),
        output: ({ input }) => input,
      })
      .map('JSON', {
        distributed: ({ input }) => ({ executionType: 'STANDARD', itemReader: s3Json<{ id: string }>({ bucket: input.bucket, key: input.key }) }),
        itemProcessor: (b) => b.pass('Element', { output: ({ input }) => input.id }),
        output: ({ input }) => input,
      })
      .map('JSONL', {
        distributed: { executionType: 'STANDARD', itemReader: s3Jsonl({ bucket: 'typestep-data', key: 'lines.jsonl', maxItems: 100 }) },
        itemProcessor: (b) => b.pass('Line'),
        output: ({ input }) => input,
      })
      .map('CSV', {
        distributed: { executionType: 'STANDARD', itemReader: s3Csv({ bucket: 'typestep-data', key: 'rows.tsv', headers: ['id', 'name'], delimiter: 'TAB' }) },
        itemProcessor: (b) => b.pass('CSV row', { output: ({ input }) => input.name }),
        output: ({ input }) => input,
      })
      .map('Manifest', {
        distributed: { executionType: 'STANDARD', itemReader: s3InventoryManifest({ bucket: 'typestep-inventory', key: 'data/manifest.json' }) },
        itemProcessor: (b) => b.pass('Listed object', { output: ({ input }) => input.Key }),
      }),
    asl: {
      QueryLanguage: 'JSONata',
      StartAt: 'Objects',
      States: {
        Objects: {
          Type: 'Map',
          ItemReader: {
            Resource: 'arn:aws:states:::s3:listObjectsV2',
            ReaderConfig: { MaxItems: 500 },
            Arguments: { Bucket: '${LogsBucket}', Prefix: '{% $states.input.key %}' },
          },
          ToleratedFailurePercentage: 0,
          ItemProcessor: processor('Object', 'STANDARD', { Object: { Type: 'Pass', Output: '{% $states.input.Key %}', End: true } }),
          Output: '{% $states.input %}',
          Next: 'JSON',
        },
        JSON: {
          Type: 'Map',
          ItemReader: {
            Resource: getObject,
            ReaderConfig: { InputType: 'JSON' },
            Arguments: { Bucket: '{% $states.input.bucket %}', Key: '{% $states.input.key %}' },
          },
          ItemProcessor: processor('Element', 'STANDARD', { Element: { Type: 'Pass', Output: '{% $states.input.id %}', End: true } }),
          Output: '{% $states.input %}',
          Next: 'JSONL',
        },
        JSONL: {
          Type: 'Map',
          ItemReader: { Resource: getObject, ReaderConfig: { InputType: 'JSONL', MaxItems: 100 }, Arguments: { Bucket: 'typestep-data', Key: 'lines.jsonl' } },
          ItemProcessor: processor('Line', 'STANDARD', { Line: { Type: 'Pass', End: true } }),
          Output: '{% $states.input %}',
          Next: 'CSV',
        },
        CSV: {
          Type: 'Map',
          ItemReader: {
            Resource: getObject,
            ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', CSVHeaders: ['id', 'name'], CSVDelimiter: 'TAB' },
            Arguments: { Bucket: 'typestep-data', Key: 'rows.tsv' },
          },
          ItemProcessor: processor('CSV row', 'STANDARD', { 'CSV row': { Type: 'Pass', Output: '{% $states.input.name %}', End: true } }),
          Output: '{% $states.input %}',
          Next: 'Manifest',
        },
        Manifest: {
          Type: 'Map',
          ItemReader: { Resource: getObject, ReaderConfig: { InputType: 'MANIFEST' }, Arguments: { Bucket: 'typestep-inventory', Key: 'data/manifest.json' } },
          ItemProcessor: processor('Listed object', 'STANDARD', { 'Listed object': { Type: 'Pass', Output: '{% $states.input.Key %}', End: true } }),
          End: true,
        },
      },
    },
    placeholders: ['LogsBucket'],
  },
];
