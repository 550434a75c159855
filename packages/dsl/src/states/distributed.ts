import { literalNode, templateNode, type PathNode, type TemplateNode, type ValueNode } from '../ir/value-node.js';
import type { JsonataValue } from '../ir/state-node.js';
import { isPathRef, nodeOfPath, renderPath, type PathRef } from '../path/path.js';
import type { Placeholder } from '../payload/placeholder.js';
import { isExpr, type Expr } from '../jsonata/expression.js';

/**
 * Distributed Map: where the items come from (ItemReader), how they are grouped (ItemBatcher),
 * where the results go (ResultWriter), and how many child executions may fail. Shared by the
 * JSONPath and JSONata builders; a value written as a path becomes `…Path` / `"key.$"` in JSONPath
 * and `{% … %}` in JSONata.
 */

/** A string option: text, a placeholder, or a path / expression read at run time. */
export type StringOption = string | Placeholder | PathRef<string> | Expr<string>;
/** A number option: a number, or a path / expression read at run time. */
export type NumberOption = number | PathRef<number> | Expr<number>;

/** One S3 object as ListObjectsV2 lists it: the item each child receives from `s3Objects()`. */
export interface S3ObjectItem {
  readonly Etag: string;
  readonly Key: string;
  /** Epoch seconds, as the Distributed Map hands it over (e.g. 1668699881). */
  readonly LastModified: number;
  readonly Size: number;
  readonly StorageClass: string;
}

declare const ITEM: unique symbol;

/** An ItemReader; `Item` is what one item looks like (the processor's input). */
export interface ItemReader<Item> {
  readonly resource: string;
  readonly readerConfig: { readonly [field: string]: string | readonly string[] | NumberOption | undefined };
  readonly arguments: { readonly [field: string]: StringOption | undefined };
  readonly [ITEM]?: Item;
}

export interface S3Location {
  readonly bucket: StringOption;
  readonly key: StringOption;
  /** Read at most this many items (1 to 100,000,000). */
  readonly maxItems?: NumberOption;
}

const reader = <Item>(resource: string, args: ItemReader<Item>['arguments'], readerConfig: ItemReader<Item>['readerConfig']): ItemReader<Item> =>
  Object.freeze({ resource, arguments: args, readerConfig });

/** The objects of a bucket (under a prefix): ListObjectsV2, each item an `S3ObjectItem`. */
export function s3Objects(options: { readonly bucket: StringOption; readonly prefix?: StringOption; readonly maxItems?: NumberOption }): ItemReader<S3ObjectItem> {
  return reader('arn:aws:states:::s3:listObjectsV2', { Bucket: options.bucket, Prefix: options.prefix }, maxItems(options.maxItems));
}

/*
 * The generic readers return `ItemReader<NoInfer<Item>>`: without it TypeScript infers `Item` from
 * where the reader is used (a map's options, typed for any item) and types every item `any`.
 */

/** A JSON array stored in S3; `Item` is the type of one element. */
export const s3Json = <Item = unknown>(options: S3Location): ItemReader<NoInfer<Item>> =>
  reader('arn:aws:states:::s3:getObject', objectArgs(options), { InputType: 'JSON', ...maxItems(options.maxItems) });

/** A JSON Lines object in S3, one item per line. */
export const s3Jsonl = <Item = unknown>(options: S3Location): ItemReader<NoInfer<Item>> =>
  reader('arn:aws:states:::s3:getObject', objectArgs(options), { InputType: 'JSONL', ...maxItems(options.maxItems) });

/**
 * A CSV object in S3: each row an object keyed by the header. `headers: 'first-row'` reads them from
 * the file (CSVHeaderLocation FIRST_ROW); an array gives them (GIVEN).
 */
export function s3Csv<const H extends string>(
  options: S3Location & { readonly headers: 'first-row' | readonly [H, ...H[]]; readonly delimiter?: 'COMMA' | 'PIPE' | 'SEMICOLON' | 'SPACE' | 'TAB' },
): ItemReader<{ readonly [K in H]: string }> {
  const headers = options.headers === 'first-row' ? { CSVHeaderLocation: 'FIRST_ROW' } : { CSVHeaderLocation: 'GIVEN', CSVHeaders: [...options.headers] };
  return reader('arn:aws:states:::s3:getObject', objectArgs(options), {
    InputType: 'CSV',
    ...headers,
    ...(options.delimiter && { CSVDelimiter: options.delimiter }),
    ...maxItems(options.maxItems),
  });
}

/** An S3 inventory report: its manifest.json; each item an object of the inventory. */
export const s3InventoryManifest = <Item = { readonly Bucket: string; readonly Key: string }>(options: S3Location): ItemReader<NoInfer<Item>> =>
  reader('arn:aws:states:::s3:getObject', objectArgs(options), { InputType: 'MANIFEST', ...maxItems(options.maxItems) });

const objectArgs = (options: S3Location) => ({ Bucket: options.bucket, Key: options.key });
const maxItems = (value: NumberOption | undefined): { readonly MaxItems?: NumberOption } => (value === undefined ? {} : { MaxItems: value });

export interface ItemBatcherOptions<BatchInput> {
  readonly maxItemsPerBatch?: NumberOption;
  /** Up to 256 KiB. */
  readonly maxInputBytesPerBatch?: NumberOption;
  /** Added to every batch as `BatchInput`. */
  readonly batchInput?: BatchInput;
}

/** What a child execution receives when items are batched. */
export interface Batch<Item, BatchInput> {
  readonly Items: Item[];
  readonly BatchInput: BatchInput;
}

export interface ResultWriterOptions {
  readonly bucket: StringOption;
  readonly prefix?: StringOption;
  /** `{ OutputType: 'JSON' | 'JSONL', Transformation: 'NONE' | 'COMPACT' | 'FLATTEN' }` */
  readonly writerConfig?: { readonly OutputType?: 'JSON' | 'JSONL'; readonly Transformation?: 'NONE' | 'COMPACT' | 'FLATTEN' };
}

/** The Distributed Map options, common to both query languages. */
export interface DistributedOptions<Item, BatchInput> {
  /** Each child workflow runs as a STANDARD or EXPRESS execution. */
  readonly executionType: 'STANDARD' | 'EXPRESS';
  readonly itemReader?: ItemReader<Item>;
  readonly itemBatcher?: ItemBatcherOptions<BatchInput>;
  readonly resultWriter?: ResultWriterOptions;
  /** 0–100: the Map fails once more than this share of items failed. */
  readonly toleratedFailurePercentage?: NumberOption;
  readonly toleratedFailureCount?: NumberOption;
  /** Prefix of the child executions' names (up to 40 characters). */
  readonly label?: string;
}

/** The Map node fields of a Distributed Map, rendered for one query language. */
export function distributedFields(options: DistributedOptions<any, any>, jsonata: boolean, toValue: (value: unknown, where: string) => ValueNode, where: string) {
  const fields: {
    itemReader?: TemplateNode;
    itemBatcher?: TemplateNode;
    resultWriter?: TemplateNode;
    toleratedFailurePercentage?: number | JsonataValue;
    toleratedFailurePercentagePath?: PathNode;
    toleratedFailureCount?: number | JsonataValue;
    toleratedFailureCountPath?: PathNode;
    label?: string;
    processorConfig: { readonly Mode: 'DISTRIBUTED'; readonly ExecutionType: 'STANDARD' | 'EXPRESS' };
  } = { processorConfig: Object.freeze({ Mode: 'DISTRIBUTED', ExecutionType: options.executionType }) };
  const argsKey = jsonata ? 'Arguments' : 'Parameters';
  // A JSONPath state cannot hold an expression (and a template would read one as an empty object).
  const convert = (value: unknown, at: string): ValueNode => {
    if (!jsonata && isExpr(value)) {
      throw new TypeError(`${where}: ${at} is a jsonata\`…\` expression in a JSONPath state; give a typed path instead, or build the Map in a JSONata chain`);
    }
    return toValue(value, `${where}: ${at}`);
  };
  const field = (name: string, value: unknown): [string, ValueNode][] => {
    if (value === undefined) return [];
    if (!jsonata && isPathRef(value)) return [[`${name}Path`, literalNode(renderPath(nodeOfPath(value)))]];
    return [[name, convert(value, name)]];
  };
  if (options.itemReader) {
    const reader = options.itemReader;
    const args = Object.entries(reader.arguments).filter(([, value]) => value !== undefined);
    const config = Object.entries(reader.readerConfig).filter(([, value]) => value !== undefined).flatMap(([name, value]) => field(name, value));
    fields.itemReader = templateNode([
      ['Resource', literalNode(reader.resource)],
      ...(config.length ? [['ReaderConfig', templateNode(config)] as [string, ValueNode]] : []),
      [argsKey, templateNode(args.map(([name, value]) => [name, convert(value, `itemReader.${name}`)]))],
    ]);
  }
  if (options.itemBatcher) {
    const batcher = options.itemBatcher;
    fields.itemBatcher = templateNode([
      ...field('MaxItemsPerBatch', batcher.maxItemsPerBatch),
      ...field('MaxInputBytesPerBatch', batcher.maxInputBytesPerBatch),
      ...(batcher.batchInput === undefined ? [] : [['BatchInput', convert(batcher.batchInput, 'batchInput')] as [string, ValueNode]]),
    ]);
  }
  if (options.resultWriter) {
    const writer = options.resultWriter;
    const args = [['Bucket', writer.bucket], ['Prefix', writer.prefix]].filter(([, value]) => value !== undefined) as [string, unknown][];
    fields.resultWriter = templateNode([
      ['Resource', literalNode('arn:aws:states:::s3:putObject')],
      [argsKey, templateNode(args.map(([name, value]) => [name, convert(value, `resultWriter.${name}`)]))],
      ...(writer.writerConfig ? [['WriterConfig', literalNode({ ...writer.writerConfig })] as [string, ValueNode]] : []),
    ]);
  }
  for (const [option, name] of [['toleratedFailurePercentage', 'ToleratedFailurePercentage'], ['toleratedFailureCount', 'ToleratedFailureCount']] as const) {
    const value = options[option];
    if (value === undefined) continue;
    if (typeof value === 'number') fields[option] = value;
    else if (!jsonata && isPathRef(value)) fields[`${option}Path`] = nodeOfPath(value);
    else fields[option] = convert(value, option) as JsonataValue;
  }
  if (options.label !== undefined) fields.label = options.label;
  return fields;
}

