import { NoSuchBucket, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { s3Client } from '../aws-clients.js';
import { defineHandler } from '../define-handler.js';
import { ObjectNotFound } from '../errors.js';
import type { LambdaContext } from '../lambda-context.js';
import { listObjectsContract } from './contract.js';
import { UsageTally } from './usage.js';

/**
 * Time kept in hand when deciding whether to fetch another page: enough for one ListObjectsV2
 * call and the return, so the invocation ends with its partial sums rather than being killed.
 */
export const TIME_MARGIN_MS = 10_000;

/**
 * Seed 001's list-objects: sums one bucket's objects by extension, page by page (1,000 keys
 * each), holding only the running sums. Near the Lambda time limit it returns `done: false` with
 * the continuation token and the sums so far; the workflow calls it again with that result. Every
 * invocation reads at least one page, so a loop always moves forward.
 */
export const listObjectsHandler = defineHandler('list-objects', listObjectsContract, async (request, context) => {
  const { bucket } = request;
  const runId = request.runId ?? randomUUID();
  const tally = UsageTally.from(request.usage);
  const pages = paginateListObjectsV2({ client: s3Client(), pageSize: 1000, startingToken: request.continuationToken }, { Bucket: bucket });
  try {
    for await (const page of pages) {
      for (const object of page.Contents ?? []) tally.add(object.Key ?? '', object.Size ?? 0);
      const next = page.IsTruncated ? page.NextContinuationToken : undefined;
      if (next && nearTimeLimit(context)) return { bucket, runId, done: false as const, continuationToken: next, usage: tally.toUsage() };
    }
  } catch (error) {
    if (error instanceof NoSuchBucket) throw new ObjectNotFound(`list-objects: bucket ${bucket} does not exist`, { cause: error });
    throw error;
  }
  return { bucket, runId, done: true as const, usage: tally.toUsage() };
});

function nearTimeLimit(context: LambdaContext | undefined): boolean {
  return context !== undefined && context.getRemainingTimeInMillis() < TIME_MARGIN_MS;
}
