import { z } from 'zod';
import {
  CommentSchema,
  JsonValueSchema,
  ObjectOrJsonataSchema,
  PathSchema,
  PayloadTemplateSchema,
  PercentageOrJsonataSchema,
  PositiveIntegerOrJsonataSchema,
  NonNegativeIntegerOrJsonataSchema,
  JsonataExpressionSchema,
  expecting,
  oneOf,
} from '../common.js';
import { StateSchema } from './state.js';
import {
  assignFields,
  commonFields,
  errorHandlingFields,
  inputOutputFields,
  parametersFields,
  resultPathFields,
  resultSelectorFields,
  transitionFields,
} from './fields.js';

/**
 * `ItemProcessor.ProcessorConfig`: `Mode` INLINE (default) or DISTRIBUTED, and for DISTRIBUTED the
 * child executions' `ExecutionType`. The specification leaves the object to the interpreter, so
 * other fields are let through.
 */
export const ProcessorConfigSchema = z.looseObject({
  Mode: z.enum(['INLINE', 'DISTRIBUTED']).optional(),
  ExecutionType: z.enum(['STANDARD', 'EXPRESS']).optional(),
});
export type ProcessorConfig = z.infer<typeof ProcessorConfigSchema>;

/** `ItemProcessor` (or the deprecated `Iterator`): the state machine run for each item. */
export const ItemProcessorSchema = z.strictObject({
  StartAt: z.string(),
  get States() {
    return z.record(z.string(), StateSchema);
  },
  Comment: CommentSchema.optional(),
  ProcessorConfig: ProcessorConfigSchema.optional(),
});
export type ItemProcessor = z.infer<typeof ItemProcessorSchema>;

/** The S3 data an ItemReader reads with `s3:getObject` (AWS: "ItemReader (Map)"). */
export const READER_INPUT_TYPES = ['CSV', 'JSON', 'JSONL', 'MANIFEST', 'PARQUET'] as const;

/** The most items a ReaderConfig may read (AWS: MaxItems "up to 100,000,000"). */
export const MAX_READER_ITEMS = 100_000_000;

/**
 * `ItemReader.ReaderConfig` (Distributed Map): what the file holds and how much of it to read.
 * The service adds fields now and then (ManifestType, …), so unknown fields are let through;
 * the ones known are typed, with AWS's values.
 */
export const ReaderConfigSchema = z.looseObject({
  InputType: z.enum(READER_INPUT_TYPES).optional(),
  CSVHeaderLocation: z.enum(['FIRST_ROW', 'GIVEN']).optional(),
  CSVHeaders: expecting('a list of column names (strings)', z.array(z.string())).optional(),
  CSVDelimiter: z.enum(['COMMA', 'PIPE', 'SEMICOLON', 'SPACE', 'TAB']).optional(),
  MaxItems: oneOf(`an integer from 0 to ${MAX_READER_ITEMS.toLocaleString('en-US')} (or, in a JSONata state, a {% … %} expression)`, [
    z.int().min(0).max(MAX_READER_ITEMS),
    JsonataExpressionSchema,
  ]).optional(),
  MaxItemsPath: PathSchema.optional(),
});

/** `ItemReader`: read the items from S3 (or another resource) instead of the state input. */
export const ItemReaderSchema = z.strictObject({
  Resource: z.string(),
  ReaderConfig: ReaderConfigSchema.optional(),
  Parameters: PayloadTemplateSchema.optional(),
  Arguments: ObjectOrJsonataSchema.optional(),
});
export type ItemReader = z.infer<typeof ItemReaderSchema>;

/** The largest batch ItemBatcher may build, in bytes (256 KiB: a child execution's input limit). */
export const MAX_BATCH_BYTES = 262_144;

/** `ItemBatcher`: pass the items to the processor in batches (Distributed Map). */
export const ItemBatcherSchema = z.strictObject({
  MaxItemsPerBatch: PositiveIntegerOrJsonataSchema.optional(),
  MaxItemsPerBatchPath: PathSchema.optional(),
  MaxInputBytesPerBatch: oneOf('a positive integer up to 262,144 (256 KiB) (or, in a JSONata state, a {% … %} expression)', [
    z.int().min(1).max(MAX_BATCH_BYTES),
    JsonataExpressionSchema,
  ]).optional(),
  MaxInputBytesPerBatchPath: PathSchema.optional(),
  BatchInput: JsonValueSchema.optional(),
});
export type ItemBatcher = z.infer<typeof ItemBatcherSchema>;

/** `ResultWriter.WriterConfig`: how the results are shaped; AWS requires both fields together (a rule). */
export const WriterConfigSchema = z.strictObject({
  OutputType: z.enum(['JSON', 'JSONL']).optional(),
  Transformation: z.enum(['NONE', 'COMPACT', 'FLATTEN']).optional(),
});

/**
 * `ResultWriter` (Distributed Map): write the results to S3 (`Resource` with `Parameters` or
 * `Arguments`) and/or reshape them (`WriterConfig`). Which combinations AWS accepts is a rule.
 */
export const ResultWriterSchema = z.strictObject({
  Resource: z.string().optional(),
  Parameters: PayloadTemplateSchema.optional(),
  Arguments: ObjectOrJsonataSchema.optional(),
  WriterConfig: WriterConfigSchema.optional(),
});
export type ResultWriter = z.infer<typeof ResultWriterSchema>;

/**
 * `"Type": "Map"`: runs `ItemProcessor` (or the deprecated `Iterator`) for each item, inline or as
 * a Distributed Map. `Parameters` is the deprecated JSONPath spelling of `ItemSelector`.
 */
export const MapStateSchema = z.strictObject({
  Type: z.literal('Map'),
  ...commonFields,
  ...inputOutputFields,
  ...assignFields,
  ...transitionFields,
  ...resultPathFields,
  ...parametersFields,
  ...resultSelectorFields,
  ...errorHandlingFields,
  get ItemProcessor() {
    return ItemProcessorSchema.optional();
  },
  get Iterator() {
    return ItemProcessorSchema.optional();
  },
  ItemsPath: PathSchema.optional(),
  Items: oneOf('an array or a JSONata expression ({% … %})', [z.array(JsonValueSchema), JsonataExpressionSchema]).optional(),
  ItemSelector: ObjectOrJsonataSchema.optional(),
  ItemReader: ItemReaderSchema.optional(),
  ItemBatcher: ItemBatcherSchema.optional(),
  ResultWriter: ResultWriterSchema.optional(),
  MaxConcurrency: NonNegativeIntegerOrJsonataSchema.optional(),
  MaxConcurrencyPath: PathSchema.optional(),
  ToleratedFailurePercentage: PercentageOrJsonataSchema.optional(),
  ToleratedFailurePercentagePath: PathSchema.optional(),
  ToleratedFailureCount: NonNegativeIntegerOrJsonataSchema.optional(),
  ToleratedFailureCountPath: PathSchema.optional(),
  /** Distributed Map: a label for the child executions' names. */
  Label: z.string().optional(),
});
export type MapState = z.infer<typeof MapStateSchema>;
