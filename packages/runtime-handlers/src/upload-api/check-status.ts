import { GetObjectCommand, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import { DescribeExecutionCommand, ExecutionDoesNotExist } from '@aws-sdk/client-sfn';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { z } from 'zod';
import { s3Client, sfnClient } from '../aws-clients.js';
import { requireEnv } from '../environment.js';
import { outputPrefix, outputStemPrefix } from '../image/output-keys.js';
import type { CheckStatusRequest, CheckStatusResponse } from './contract.js';

/** How long the links to results work. */
const LINK_SECONDS = 3600;

/**
 * The status of the execution upload started (by its name), and a signed link to every result
 * the image handler has written so far, so the page shows them as they appear.
 */
export async function checkStatus({ id }: z.output<typeof CheckStatusRequest>): Promise<z.output<typeof CheckStatusResponse>> {
  const bucket = requireEnv('BUCKET_NAME', 'the bucket uploads are stored in');
  const stateMachineArn = requireEnv('STATE_MACHINE_ARN', 'the image pipeline state machine');
  // An execution's ARN is its machine's ARN with `execution` for `stateMachine`, then its name.
  const executionArn = `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${id}`;
  try {
    const execution = await sfnClient().send(new DescribeExecutionCommand({ executionArn }));
    const { Key } = JSON.parse(execution.input ?? '{}') as { Key?: string };
    return { message: execution.status!, images: Key ? await results(bucket, Key) : [] };
  } catch (error) {
    if (error instanceof ExecutionDoesNotExist) return { message: 'NotFound', images: [] };
    throw error;
  }
}

async function results(bucket: string, key: string): Promise<{ key: string; url: string }[]> {
  const images: { key: string; url: string }[] = [];
  const pages = paginateListObjectsV2({ client: s3Client() }, { Bucket: bucket, Prefix: outputStemPrefix(outputPrefix(), key) });
  for await (const page of pages) {
    for (const object of page.Contents ?? []) {
      const url = await getSignedUrl(s3Client(), new GetObjectCommand({ Bucket: bucket, Key: object.Key! }), { expiresIn: LINK_SECONDS });
      images.push({ key: object.Key!, url });
    }
  }
  return images;
}
