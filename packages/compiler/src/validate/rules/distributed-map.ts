import { describeField, describeState, type ValidationContext } from '../context.js';
import { isDistributedMap, processorOf } from '../map-mode.js';
import { isObject, type JsonObject, type Location, type StateEntry } from '../model.js';
import { isWholePlaceholder } from '../placeholders.js';
import { capitalize, quoteList, truncate } from '../text.js';
import { has } from './walk.js';

/**
 * Distributed Map (AWS: "Using Map state in Distributed mode", "ItemReader", "ItemBatcher",
 * "ResultWriter"). Value ranges (ToleratedFailurePercentage 0–100, MaxInputBytesPerBatch ≤ 256 KiB,
 * ReaderConfig MaxItems ≤ 100,000,000, the enums) are in the schemas (asl/states/map.ts); here:
 * - STEP801: `Mode: DISTRIBUTED` without the child executions' `ExecutionType`;
 * - STEP802 (warning): a Distributed-only field on an inline Map — AWS accepts the definition,
 *   but the field does nothing there (or fails the Map at run time, as ItemReader does);
 * - STEP803: an ItemReader or ResultWriter `Resource` AWS does not support;
 * - STEP804: `CSVHeaderLocation: GIVEN` without `CSVHeaders`;
 * - STEP805: a `Label` longer than 40 characters or with characters AWS forbids;
 * - STEP806: an ItemBatcher with no batch limit;
 * - STEP807: a ResultWriter that neither writes (Resource with Parameters/Arguments) nor shapes
 *   (WriterConfig with both OutputType and Transformation) the results.
 */
export function checkDistributedMaps(context: ValidationContext): void {
  for (const state of context.model.states) {
    if (state.type !== 'Map' || !state.object) continue;
    const object = state.object;
    if (isDistributedMap(state)) {
      executionType(context, state);
    } else {
      for (const field of DISTRIBUTED_ONLY) {
        if (has(object, field)) inlineMap(context, state, field);
      }
    }
    if (isObject(object.ItemReader)) itemReader(context, state, object.ItemReader);
    if (isObject(object.ItemBatcher)) itemBatcher(context, state, object.ItemBatcher);
    if (isObject(object.ResultWriter)) resultWriter(context, state, object.ResultWriter);
    if (typeof object.Label === 'string') label(context, state, object.Label);
  }
}

const DISTRIBUTED_ONLY = [
  'ItemReader',
  'ItemBatcher',
  'ResultWriter',
  'ToleratedFailurePercentage',
  'ToleratedFailurePercentagePath',
  'ToleratedFailureCount',
  'ToleratedFailureCountPath',
  'Label',
] as const;

const READER_RESOURCES = ['s3:getObject', 's3:listObjectsV2'];
const WRITER_RESOURCES = ['s3:putObject'];
/** `arn:aws:states:::s3:getObject`, in any partition (`aws-cn`, `aws-us-gov`). */
const S3_ACTION = /^arn:aws[a-z-]*:states:::(s3:[A-Za-z0-9]+)$/;

const LABEL_LIMIT = 40;
/** The characters AWS refuses in a Map Run label (as AWS CDK's DistributedMap checks them). */
const LABEL_FORBIDDEN = /[\s?*<>{}\\[\]:;,|^~$#%&`"\u0000-\u001f\u007f-\u009f]/u;

function executionType(context: ValidationContext, state: StateEntry): void {
  const processorField = has(state.object!, 'ItemProcessor') ? 'ItemProcessor' : 'Iterator';
  const config = processorOf(state)!.ProcessorConfig as JsonObject;
  if (has(config, 'ExecutionType')) return;
  context.report(
    'STEP801',
    [...state.location, processorField, 'ProcessorConfig'],
    `${capitalize(describeState(state))} runs in DISTRIBUTED mode, but its "ProcessorConfig" has no "ExecutionType". Add "ExecutionType": "STANDARD" (child executions of up to a year) or "EXPRESS" (up to five minutes).`,
  );
}

function inlineMap(context: ValidationContext, state: StateEntry, field: string): void {
  context.report(
    'STEP802',
    [...state.location, field],
    `${capitalize(describeState(state))} has "${field}", which only a Distributed Map uses, but it runs inline. Set "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "STANDARD" } on its ItemProcessor, or remove "${field}".`,
    'warning',
  );
}

function itemReader(context: ValidationContext, state: StateEntry, reader: JsonObject): void {
  const location = [...state.location, 'ItemReader'];
  resource(context, reader.Resource, [...location, 'Resource'], READER_RESOURCES, 'an ItemReader reads from');
  const config = reader.ReaderConfig;
  if (!isObject(config) || config.CSVHeaderLocation !== 'GIVEN') return;
  if (Array.isArray(config.CSVHeaders) && config.CSVHeaders.length > 0) return;
  context.report(
    'STEP804',
    [...location, 'ReaderConfig', has(config, 'CSVHeaders') ? 'CSVHeaders' : 'CSVHeaderLocation'],
    `${capitalize(describeField(context, [...location, 'ReaderConfig', 'CSVHeaderLocation']))} is "GIVEN", but no column names are given. Add "CSVHeaders": ["column1", "column2", …], or use "CSVHeaderLocation": "FIRST_ROW" when the file's first row names the columns.`,
  );
}

function itemBatcher(context: ValidationContext, state: StateEntry, batcher: JsonObject): void {
  const limits = ['MaxItemsPerBatch', 'MaxItemsPerBatchPath', 'MaxInputBytesPerBatch', 'MaxInputBytesPerBatchPath'];
  if (limits.some((field) => has(batcher, field))) return;
  const jsonata = state.queryLanguage === 'JSONata';
  context.report(
    'STEP806',
    [...state.location, 'ItemBatcher'],
    `The "ItemBatcher" of ${describeState(state)} sets no batch limit. Add "MaxItemsPerBatch" or "MaxInputBytesPerBatch"${jsonata ? '' : ' (or their …Path forms)'}, or remove "ItemBatcher" to process one item per child execution.`,
  );
}

function resultWriter(context: ValidationContext, state: StateEntry, writer: JsonObject): void {
  const location = [...state.location, 'ResultWriter'];
  const where = `The "ResultWriter" of ${describeState(state)}`;
  const destination = state.queryLanguage === 'JSONata' ? 'Arguments' : 'Parameters';
  if (!has(writer, 'Resource') && !has(writer, 'WriterConfig')) {
    context.report(
      'STEP807',
      location,
      `${where} is empty. Add "Resource": "arn:aws:states:::s3:putObject" with "${destination}": { "Bucket": …, "Prefix": … } to export the results to S3, and/or "WriterConfig" to shape them.`,
    );
  }
  if (has(writer, 'Resource')) {
    resource(context, writer.Resource, [...location, 'Resource'], WRITER_RESOURCES, 'a ResultWriter writes with');
    if (!has(writer, 'Parameters') && !has(writer, 'Arguments')) {
      context.report(
        'STEP807',
        location,
        `${where} has a "Resource" but no "${destination}" saying where in S3 to write. Add "${destination}": { "Bucket": …, "Prefix": … }.`,
      );
    }
  }
  const config = writer.WriterConfig;
  if (isObject(config) && has(config, 'OutputType') !== has(config, 'Transformation')) {
    const missing = has(config, 'OutputType') ? 'Transformation' : 'OutputType';
    context.report(
      'STEP807',
      [...location, 'WriterConfig'],
      `The "WriterConfig" of ${describeState(state)} has no "${missing}"; AWS needs "OutputType" ("JSON" or "JSONL") and "Transformation" ("NONE", "COMPACT" or "FLATTEN") together.`,
    );
  }
}

function resource(context: ValidationContext, value: unknown, location: Location, supported: readonly string[], what: string): void {
  if (typeof value !== 'string' || isWholePlaceholder(value)) return;
  const action = S3_ACTION.exec(value)?.[1];
  if (action && supported.includes(action)) return;
  context.report(
    'STEP803',
    location,
    `${capitalize(describeField(context, location))} is ${JSON.stringify(truncate(value, 80))}, but ${what} ${quoteList(
      supported.map((name) => `arn:aws:states:::${name}`),
      false,
    )} only. Use ${supported.length === 1 ? 'it' : 'one of them'}.`,
  );
}

function label(context: ValidationContext, state: StateEntry, value: string): void {
  const location = [...state.location, 'Label'];
  const length = [...value].length;
  const forbidden = LABEL_FORBIDDEN.exec(value)?.[0];
  if (length <= LABEL_LIMIT && forbidden === undefined) return;
  const problem =
    length > LABEL_LIMIT
      ? `has ${length} characters, but a label may have at most ${LABEL_LIMIT}`
      : `contains ${JSON.stringify(forbidden)}, but a label cannot contain whitespace, brackets, wildcards or the characters ? * < > { } [ ] \\ : ; , | ^ ~ $ # % & \` "`;
  context.report(
    'STEP805',
    location,
    `${capitalize(describeField(context, location))} ${problem} (Step Functions puts it in the Map Run's ARN). Use letters, digits, "-" and "_".`,
  );
}
