import { z } from 'zod';
import { contract } from '../contract.js';
import { ExtensionUsage, Usage } from './usage.js';

export const BucketName = z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'expected an S3 bucket name (3–63 of a-z, 0-9, "." and "-")');

/** Names one report run: the parallel machine's execution name, or an id list-objects makes up. */
export const RunId = z.string().min(1).max(128);

const Listing = z
  .object({ bucket: BucketName, runId: RunId.optional(), continuationToken: z.string().min(1).optional(), usage: Usage.optional() })
  .refine((listing) => !listing.continuationToken || listing.usage, {
    message: 'a continuationToken goes with the usage summed so far (pass list-objects\' own result back in)',
    path: ['usage'],
  });

/**
 * list-objects takes a bucket name (what seed 001's `"InputPath": "$.0"` passes), or
 * `{ bucket, runId? }`, or its own earlier result to go on from its continuation token.
 */
export const ListObjectsRequest = z
  .union([BucketName, Listing], { error: 'expected a bucket name, or { bucket, runId?, continuationToken?, usage? }' })
  .transform((request): z.output<typeof Listing> => (typeof request === 'string' ? { bucket: request } : request));

const ListingDone = z.object({ bucket: BucketName, runId: RunId, done: z.literal(true), usage: Usage });
const ListingToContinue = z.object({
  bucket: BucketName,
  runId: RunId,
  done: z.literal(false),
  /** Call list-objects again with this result to go on from here. */
  continuationToken: z.string(),
  usage: Usage,
});

/** Done with the bucket's totals, or stopped near the time limit with a token and the partial sums. */
export const ListObjectsResult = z.discriminatedUnion('done', [ListingDone, ListingToContinue]);

/** put-usage stores a finished listing only. */
export const PutUsageRequest = ListingDone.extend({
  done: z.literal(true, { error: 'the listing is not finished: call list-objects with its result until done is true' }),
});

/** One extension's sums: `{ extension, objects, bytes }`. */
export const ExtensionRow = ExtensionUsage.extend({ extension: z.string() });

/** What put-usage stored, summed up for the message. */
export const BucketReport = z.object({
  bucket: BucketName,
  runId: RunId,
  objects: z.number(),
  bytes: z.number(),
  /** The largest extensions by bytes (at most TOP_EXTENSIONS); the full list is in DynamoDB. */
  topExtensions: z.array(ExtensionRow),
  /** `already-stored` when this run's record was there before: a retry changed nothing. */
  stored: z.enum(['created', 'already-stored']),
});

/** create-message takes the Parallel state's output: one report per bucket. */
export const CreateMessageRequest = z.array(BucketReport).min(1, 'expected at least one bucket report (the Parallel state\'s output)');
export const CreateMessageResult = z.object({ message: z.string() });

/**
 * One object as a Distributed Map's S3 reader (`s3:listObjectsV2`) hands it over. Only Key and
 * Size are summed; the rest are typed for the workflows that pass them on.
 */
export const S3ObjectItem = z.object({
  Key: z.string(),
  Size: z.number().int().nonnegative(),
  Etag: z.string().optional(),
  /** Seconds since the epoch, as the reader gives it. */
  LastModified: z.union([z.number(), z.string()]).optional(),
  StorageClass: z.string().optional(),
});

/**
 * sum-usage-batch takes one ItemBatcher batch: the objects in `Items` and, in `BatchInput`, the
 * bucket they were listed from (what the modern usage report's `batchInput` sends).
 */
export const SumUsageBatchRequest = z.object({
  Items: z.array(S3ObjectItem, { error: 'expected Items: the batch of S3 objects the Distributed Map read' }),
  BatchInput: z.object({ bucket: BucketName }, { error: 'expected BatchInput: { bucket } (the ItemBatcher\'s BatchInput)' }),
});

/** The batch's sums by extension, one row each, in alphabetical order of extension. */
export const SumUsageBatchResult = z.object({ rows: z.array(ExtensionRow) });

export const listObjectsContract = contract(ListObjectsRequest, ListObjectsResult);
export const putUsageContract = contract(PutUsageRequest, BucketReport);
export const createMessageContract = contract(CreateMessageRequest, CreateMessageResult);
export const sumUsageBatchContract = contract(SumUsageBatchRequest, SumUsageBatchResult);
