import { describe, expect, it } from 'vitest';
import { validateDefinitionText } from '../../src/validate/index.js';
import { errors, expectDiagnostic, expectNoCode, machine, show, validate } from './helpers.js';

const processor = (config?: Record<string, unknown>) => ({
  ...(config && { ProcessorConfig: config }),
  StartAt: 'Work',
  States: { Work: { Type: 'Pass', End: true } },
});
const distributed = { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' };
/** A one-state machine with a Distributed Map holding the given fields. */
const dmap = (fields: Record<string, unknown>, top: Record<string, unknown> = {}) =>
  machine({ Each: { Type: 'Map', ItemProcessor: processor(distributed), End: true, ...fields } }, top);

describe('valid Distributed Maps', () => {
  it('accepts the readers, batcher, writer and limits AWS documents', () => {
    const definitions = [
      dmap({
        ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'b', Prefix: 'logs/' } },
        ItemBatcher: { MaxItemsPerBatch: 100, MaxInputBytesPerBatch: 262_144, BatchInput: { 'run.$': '$$.Execution.Name' } },
        ResultWriter: {
          Resource: 'arn:aws:states:::s3:putObject',
          Parameters: { Bucket: 'b', Prefix: 'out' },
          WriterConfig: { OutputType: 'JSONL', Transformation: 'FLATTEN' },
        },
        ToleratedFailurePercentage: 100,
        ToleratedFailureCount: 0,
        Label: 'Usage-by_extension',
        MaxConcurrency: 1000,
      }),
      dmap({
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: {
            InputType: 'CSV',
            CSVHeaderLocation: 'GIVEN',
            CSVHeaders: ['key', 'size'],
            CSVDelimiter: 'SEMICOLON',
            MaxItems: 100_000_000,
          },
          Parameters: { 'Bucket.$': '$.bucket', Key: 'data.csv' },
        },
      }),
      dmap({
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: 'MANIFEST' },
          Parameters: { Bucket: 'b', Key: 'manifest.json' },
        },
      }),
      dmap({
        ItemReader: { Resource: '${ReaderResource}', ReaderConfig: { InputType: 'JSONL', MaxItemsPath: '$.limit' } },
        ItemBatcher: { MaxInputBytesPerBatchPath: '$.bytes' },
      }),
      dmap({ ResultWriter: { WriterConfig: { OutputType: 'JSON', Transformation: 'COMPACT' } } }),
      dmap(
        {
          Items: '{% $states.input.keys %}',
          ItemReader: {
            Resource: 'arn:aws:states:::s3:getObject',
            ReaderConfig: { InputType: 'JSON', MaxItems: '{% $states.input.max %}' },
            Arguments: { Bucket: 'b', Key: 'k' },
          },
          ItemBatcher: { MaxItemsPerBatch: '{% $states.input.size %}' },
          ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Arguments: '{% $states.input.destination %}' },
          ToleratedFailurePercentage: '{% $states.input.tolerance %}',
        },
        { QueryLanguage: 'JSONata' },
      ),
    ];
    for (const definition of definitions) expect(validate(definition), show(validate(definition))).toEqual([]);
  });
});

describe('STEP801 DISTRIBUTED without ExecutionType', () => {
  it('reports the ProcessorConfig', () => {
    const diagnostics = validate(machine({ Each: { Type: 'Map', ItemProcessor: processor({ Mode: 'DISTRIBUTED' }), End: true } }));
    expectDiagnostic(diagnostics, {
      code: 'STEP801',
      location: ['States', 'Each', 'ItemProcessor', 'ProcessorConfig'],
      includes: ['Map state "Each" runs in DISTRIBUTED mode', 'no "ExecutionType"', '"STANDARD"', '"EXPRESS"'],
      statePath: 'Flow > Each > ItemProcessor > ProcessorConfig',
    });
  });

  it('places it in the file', () => {
    const text = JSON.stringify(machine({ Each: { Type: 'Map', ItemProcessor: processor({ Mode: 'DISTRIBUTED' }), End: true } }), null, 2);
    const diagnostic = validateDefinitionText(text, { workflow: 'each.asl.json' }).find((d) => d.code === 'STEP801');
    expect(diagnostic?.source).toEqual({ file: 'each.asl.json', line: 7, column: 9 });
  });
});

describe('STEP802 Distributed Map fields on an inline Map', () => {
  it.each([
    ['ItemReader', { Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'b' } }],
    ['ItemBatcher', { MaxItemsPerBatch: 10 }],
    ['ResultWriter', { WriterConfig: { OutputType: 'JSON', Transformation: 'NONE' } }],
    ['ToleratedFailurePercentage', 5],
    ['ToleratedFailureCountPath', '$.failures'],
    ['Label', 'Each'],
  ])('warns about %s', (field, value) => {
    for (const config of [undefined, { Mode: 'INLINE' }]) {
      const diagnostics = validate(machine({ Each: { Type: 'Map', ItemProcessor: processor(config), [field]: value, End: true } }));
      expectDiagnostic(diagnostics, {
        code: 'STEP802',
        location: ['States', 'Each', field],
        includes: [`has "${field}", which only a Distributed Map uses, but it runs inline`, '"Mode": "DISTRIBUTED"'],
        severity: 'warning',
      });
      expect(errors(diagnostics), show(diagnostics)).toEqual([]);
    }
  });
});

describe('STEP803 ItemReader and ResultWriter resources', () => {
  it('reports a resource AWS does not read or write with', () => {
    const diagnostics = validate(
      dmap({
        ItemReader: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'b' } },
        ResultWriter: { Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { Bucket: 'b' } },
      }),
    );
    expectDiagnostic(diagnostics, {
      code: 'STEP803',
      location: ['States', 'Each', 'ItemReader', 'Resource'],
      includes: [
        '"arn:aws:states:::s3:putObject"',
        'an ItemReader reads from arn:aws:states:::s3:getObject and arn:aws:states:::s3:listObjectsV2 only',
      ],
    });
    expectDiagnostic(diagnostics, {
      code: 'STEP803',
      location: ['States', 'Each', 'ResultWriter', 'Resource'],
      includes: ['a ResultWriter writes with arn:aws:states:::s3:putObject only'],
    });
  });

  it('accepts other partitions', () => {
    const diagnostics = validate(dmap({ ItemReader: { Resource: 'arn:aws-cn:states:::s3:listObjectsV2', Parameters: { Bucket: 'b' } } }));
    expect(diagnostics, show(diagnostics)).toEqual([]);
  });
});

describe('STEP804 CSV headers', () => {
  it('reports CSVHeaderLocation GIVEN without CSVHeaders', () => {
    const reader = (config: Record<string, unknown>) =>
      dmap({
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'GIVEN', ...config },
          Parameters: { Bucket: 'b', Key: 'k' },
        },
      });
    expectDiagnostic(validate(reader({})), {
      code: 'STEP804',
      location: ['States', 'Each', 'ItemReader', 'ReaderConfig', 'CSVHeaderLocation'],
      includes: ['is "GIVEN", but no column names are given', '"CSVHeaders"', '"FIRST_ROW"'],
    });
    expectDiagnostic(validate(reader({ CSVHeaders: [] })), {
      code: 'STEP804',
      location: ['States', 'Each', 'ItemReader', 'ReaderConfig', 'CSVHeaders'],
      includes: ['no column names'],
    });
  });
});

describe('STEP805 Label', () => {
  it.each([
    ['L'.repeat(41), 'has 41 characters, but a label may have at most 40'],
    ['by extension', 'contains " "'],
    ['usage:total', 'contains ":"'],
  ])('reports %j', (label, words) => {
    const diagnostics = validate(dmap({ Label: label }));
    expectDiagnostic(diagnostics, { code: 'STEP805', location: ['States', 'Each', 'Label'], includes: [words, 'Map Run'] });
  });
});

describe('STEP806 ItemBatcher without a limit', () => {
  it('reports an ItemBatcher with only BatchInput', () => {
    const diagnostics = validate(dmap({ ItemBatcher: { BatchInput: { run: 1 } } }));
    expectDiagnostic(diagnostics, {
      code: 'STEP806',
      location: ['States', 'Each', 'ItemBatcher'],
      includes: ['sets no batch limit', '"MaxItemsPerBatch"', '…Path forms'],
    });
  });
});

describe('STEP807 ResultWriter', () => {
  it('reports an empty ResultWriter, a Resource without a destination, and half a WriterConfig', () => {
    expectDiagnostic(validate(dmap({ ResultWriter: {} })), {
      code: 'STEP807',
      location: ['States', 'Each', 'ResultWriter'],
      includes: ['is empty', '"Parameters": { "Bucket"'],
    });
    expectDiagnostic(validate(dmap({ ResultWriter: { Resource: 'arn:aws:states:::s3:putObject' } })), {
      code: 'STEP807',
      location: ['States', 'Each', 'ResultWriter'],
      includes: ['has a "Resource" but no "Parameters"'],
    });
    expectDiagnostic(validate(dmap({ ResultWriter: { WriterConfig: { OutputType: 'JSON' } } })), {
      code: 'STEP807',
      location: ['States', 'Each', 'ResultWriter', 'WriterConfig'],
      includes: ['has no "Transformation"', '"OutputType"', '"FLATTEN"'],
    });
  });

  it('asks for "Arguments" in a JSONata Map', () => {
    const diagnostics = validate(dmap({ ResultWriter: { Resource: 'arn:aws:states:::s3:putObject' } }, { QueryLanguage: 'JSONata' }));
    expectDiagnostic(diagnostics, { code: 'STEP807', location: ['States', 'Each', 'ResultWriter'], includes: ['no "Arguments"'] });
  });
});

describe('Distributed Map ranges and values (STEP204, from the schema)', () => {
  it.each([
    [{ ToleratedFailurePercentage: 101 }, ['ToleratedFailurePercentage'], 'must be at most 100, but is the number 101'],
    [{ ToleratedFailureCount: -1 }, ['ToleratedFailureCount'], 'must be at least 0, but is the number -1'],
    [{ ItemBatcher: { MaxItemsPerBatch: 0 } }, ['ItemBatcher', 'MaxItemsPerBatch'], 'must be at least 1, but is the number 0'],
    [{ ItemBatcher: { MaxInputBytesPerBatch: 262_145 } }, ['ItemBatcher', 'MaxInputBytesPerBatch'], 'must be at most 262144'],
    [
      {
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: 'JSON', MaxItems: 100_000_001 },
          Parameters: { Bucket: 'b', Key: 'k' },
        },
      },
      ['ItemReader', 'ReaderConfig', 'MaxItems'],
      'must be at most 100000000',
    ],
    [
      {
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: 'XML' },
          Parameters: { Bucket: 'b', Key: 'k' },
        },
      },
      ['ItemReader', 'ReaderConfig', 'InputType'],
      '"CSV", "JSON", "JSONL", "MANIFEST", "PARQUET"',
    ],
    [
      {
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST' },
          Parameters: { Bucket: 'b', Key: 'k' },
        },
      },
      ['ItemReader', 'ReaderConfig', 'CSVHeaderLocation'],
      'must be one of "FIRST_ROW", "GIVEN", but is the string "FIRST"',
    ],
    [
      { ResultWriter: { WriterConfig: { OutputType: 'CSV', Transformation: 'NONE' } } },
      ['ResultWriter', 'WriterConfig', 'OutputType'],
      '"JSON", "JSONL"',
    ],
    [
      { ItemProcessor: processor({ Mode: 'DISTRIBUTED', ExecutionType: 'SYNC' }) },
      ['ItemProcessor', 'ProcessorConfig', 'ExecutionType'],
      '"STANDARD", "EXPRESS"',
    ],
  ])('reports %j', (fields, field, words) => {
    const diagnostics = validate(dmap(fields));
    expectDiagnostic(diagnostics, { code: 'STEP204', location: ['States', 'Each', ...field], includes: [words] });
  });
});

describe('ResultPath into the Context Object (STEP502)', () => {
  it('reports it on a state and on a Catcher', () => {
    const diagnostics = validate(
      machine({
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f',
          ResultPath: '$$.Execution.Result',
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$$.error', Next: 'Done' }],
          Next: 'Done',
        },
        Done: { Type: 'Succeed' },
      }),
    );
    for (const location of [
      ['States', 'Call', 'ResultPath'],
      ['States', 'Call', 'Catch', 0, 'ResultPath'],
    ]) {
      expectDiagnostic(diagnostics, { code: 'STEP502', location, includes: ['cannot be written into the Context Object ($$)', '"$."'] });
    }
    expectNoCode(validate(machine({ Call: { Type: 'Pass', ResultPath: '$.result', End: true } })), 'STEP502');
  });
});
