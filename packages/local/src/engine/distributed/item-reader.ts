import { gunzipSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import type { ItemReader, MapState } from '../asl.js';
import { evaluateJsonataTemplate } from '../data/jsonata.js';
import { evaluatePayloadTemplate } from '../data/payload-template.js';
import { StatesError, States } from '../errors.js';
import type { StateRun } from '../state-run.js';
import { callAwsSdk, getS3ObjectBytes } from '../tasks/aws-sdk.js';
import { parseResource } from '../tasks/resource.js';
import { numberField } from '../states/map-items.js';

/**
 * A Distributed Map's ItemReader: the items come from S3 through the run's S3 endpoint, either the
 * objects under a prefix (`s3:listObjectsV2`) or one object's content (`s3:getObject` with
 * ReaderConfig.InputType JSON, JSONL, CSV or MANIFEST, an S3 Inventory manifest). Any failure is
 * States.ItemReaderFailed.
 */
export async function readItems(run: StateRun<MapState>, reader: ItemReader, selected: unknown): Promise<unknown[]> {
  const parameters = (
    run.language === 'JSONata'
      ? await evaluateJsonataTemplate(reader.Arguments ?? {}, run.jsonataScope(), 'ItemReader.Arguments')
      : evaluatePayloadTemplate(reader.Parameters ?? {}, run.pathScope(selected))
  ) as Record<string, unknown>;
  const config = reader.ReaderConfig ?? {};
  const maxItems = await numberField(run, selected, 'MaxItems', config.MaxItems, config.MaxItemsPath as string | undefined);
  let items: unknown[];
  try {
    items = await read(run, reader.Resource, parameters, config);
  } catch (error) {
    if (error instanceof StatesError && error.error === States.ItemReaderFailed) throw error;
    throw new StatesError(
      States.ItemReaderFailed,
      `The ItemReader of Map state '${run.name}' could not read its items: ${(error as Error).message}`,
    );
  }
  return maxItems ? items.slice(0, maxItems) : items;
}

async function read(
  run: StateRun<MapState>,
  resource: string,
  parameters: Record<string, unknown>,
  config: Readonly<Record<string, unknown>>,
): Promise<unknown[]> {
  const { action, service } = parseResource(resource);
  const s3 = (s3Action: string, input: object) =>
    callAwsSdk(run.execution.options.services, 's3', s3Action, input, true, run.signal) as Promise<Record<string, unknown>>;
  if (service !== 's3' || (action !== 'listObjectsV2' && action !== 'getObject')) {
    throw new Error(
      `the resource '${resource}' is not an item reader; use arn:aws:states:::s3:listObjectsV2 or arn:aws:states:::s3:getObject.`,
    );
  }
  if (action === 'listObjectsV2') {
    const items: unknown[] = [];
    let token: string | undefined;
    do {
      const page = await s3('listObjectsV2', { ...parameters, ...(token ? { ContinuationToken: token } : {}) });
      for (const object of (page.Contents ?? []) as Record<string, unknown>[]) {
        items.push({
          Etag: object.ETag,
          Key: object.Key,
          LastModified: Math.floor(Date.parse(String(object.LastModified)) / 1000),
          Size: object.Size,
          StorageClass: object.StorageClass ?? 'STANDARD',
        });
      }
      token = page.IsTruncated ? (page.NextContinuationToken as string) : undefined;
    } while (token);
    return items;
  }

  const inputType = String(config.InputType ?? 'JSON');
  if (inputType === 'MANIFEST') return readManifest(run, parameters, s3);
  const body = String((await s3('getObject', parameters)).Body ?? '');
  switch (inputType) {
    case 'JSON': {
      const parsed: unknown = JSON.parse(body);
      const pointer = config.ItemsPointer;
      const items = typeof pointer === 'string' ? resolvePointer(parsed, pointer) : parsed;
      if (!Array.isArray(items)) throw new Error(`the JSON object ${String(parameters.Key)} is not an array of items.`);
      return items;
    }
    case 'JSONL':
      return body
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as unknown);
    case 'CSV':
      return readCsv(body, config);
    default:
      throw new Error(`ReaderConfig.InputType ${inputType} is not supported locally (use JSON, JSONL, CSV or MANIFEST).`);
  }
}

const DELIMITERS: Readonly<Record<string, string>> = { COMMA: ',', PIPE: '|', SEMICOLON: ';', SPACE: ' ', TAB: '\t' };

function readCsv(text: string, config: Readonly<Record<string, unknown>>, givenHeaders?: readonly string[]): Record<string, string>[] {
  const delimiter = DELIMITERS[String(config.CSVDelimiter ?? 'COMMA')] ?? ',';
  const rows = parseCsv(text, { delimiter, skip_empty_lines: true, relax_column_count: true }) as string[][];
  const headers = givenHeaders ?? (config.CSVHeaderLocation === 'GIVEN' ? (config.CSVHeaders as string[]) : rows.shift());
  if (!headers) return [];
  return rows.map((row) => Object.fromEntries(headers.map((header, i) => [header, row[i] ?? ''])));
}

/**
 * An S3 Inventory manifest: its CSV files (gzipped or not) list the objects, columns per
 * `fileSchema`. S3 Inventory writes the files to the bucket the manifest's `destinationBucket` ARN
 * names (`arn:aws:s3:::bucket`), which is where they are read from; without it, from the manifest's own bucket.
 */
async function readManifest(
  run: StateRun<MapState>,
  parameters: Record<string, unknown>,
  s3: (action: string, input: object) => Promise<Record<string, unknown>>,
): Promise<unknown[]> {
  const manifest = JSON.parse(String((await s3('getObject', parameters)).Body ?? '')) as {
    destinationBucket?: string;
    fileFormat?: string;
    fileSchema?: string;
    files?: { key: string }[];
  };
  if (manifest.fileFormat && manifest.fileFormat !== 'CSV')
    throw new Error(`inventory files in ${manifest.fileFormat} are not supported locally (CSV only).`);
  const columns = (manifest.fileSchema ?? 'Bucket, Key').split(',').map((column) => column.trim());
  const bucket = bucketOfArn(manifest.destinationBucket) ?? String(parameters.Bucket);
  const items: unknown[] = [];
  for (const file of manifest.files ?? []) {
    const bytes = await getS3ObjectBytes(run.execution.options.services, bucket, file.key, run.signal);
    const text = (file.key.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
    items.push(...readCsv(text, {}, columns));
  }
  return items;
}

/** `arn:aws:s3:::bucket` (any partition) → `bucket`; a bare bucket name is taken as it is. */
function bucketOfArn(arn: string | undefined): string | undefined {
  if (typeof arn !== 'string' || arn === '') return undefined;
  const match = /^arn:[^:]+:s3:::([^/]+)$/.exec(arn);
  if (match) return match[1];
  if (arn.startsWith('arn:')) throw new Error(`the manifest's destinationBucket '${arn}' is not an S3 bucket ARN (arn:aws:s3:::bucket).`);
  return arn;
}

function resolvePointer(document: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return document;
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>(
      (node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
      document,
    );
}
