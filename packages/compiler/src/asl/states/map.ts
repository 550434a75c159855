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

/**
 * `ItemReader.ReaderConfig` (Distributed Map): InputType (CSV, JSON, JSONL, MANIFEST, PARQUET…),
 * CSVHeaderLocation, CSVHeaders, CSVDelimiter, MaxItems / MaxItemsPath… The set grows with the
 * service, so fields other than MaxItems/MaxItemsPath are let through.
 */
export const ReaderConfigSchema = z.looseObject({
  MaxItems: PositiveIntegerOrJsonataSchema.optional(),
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

/** `ItemBatcher`: pass the items to the processor in batches. */
export const ItemBatcherSchema = z.strictObject({
  MaxItemsPerBatch: PositiveIntegerOrJsonataSchema.optional(),
  MaxItemsPerBatchPath: PathSchema.optional(),
  MaxInputBytesPerBatch: PositiveIntegerOrJsonataSchema.optional(),
  MaxInputBytesPerBatchPath: PathSchema.optional(),
  BatchInput: JsonValueSchema.optional(),
});
export type ItemBatcher = z.infer<typeof ItemBatcherSchema>;

/** `ResultWriter`: write the results to S3 instead of returning them. */
export const ResultWriterSchema = z.strictObject({
  Resource: z.string().optional(),
  Parameters: PayloadTemplateSchema.optional(),
  Arguments: ObjectOrJsonataSchema.optional(),
  /** `{ OutputType, Transformation }`; defined by the service. */
  WriterConfig: z.record(z.string(), JsonValueSchema).optional(),
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
