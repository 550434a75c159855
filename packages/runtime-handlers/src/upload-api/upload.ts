import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { Upload } from '@aws-sdk/lib-storage';
import type { z } from 'zod';
import { s3Client, sfnClient } from '../aws-clients.js';
import { requireEnv } from '../environment.js';
import type { UploadRequest } from './contract.js';
import { decodeDataUrl } from './data-url.js';
import { contentTypeOf, uploadKey } from './upload-key.js';

/**
 * Stores the file in BUCKET_NAME under a time-based key (through lib-storage, which switches to a
 * multipart upload above 5 MiB), then starts the image pipeline (STATE_MACHINE_ARN) with
 * `{"Key": …}`, named like the file. Returns the name: the id checkstatus takes.
 */
export async function upload(request: z.output<typeof UploadRequest>, now: Date): Promise<string> {
  const bucket = requireEnv('BUCKET_NAME', 'the bucket uploads are stored in');
  const stateMachineArn = requireEnv('STATE_MACHINE_ARN', 'the image pipeline state machine');
  const bytes = decodeDataUrl(request.filedata);
  const { key, name } = uploadKey(now, request.filename);
  await new Upload({ client: s3Client(), params: { Bucket: bucket, Key: key, Body: bytes, ContentType: contentTypeOf(key) } }).done();
  await sfnClient().send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify({ Key: key }) }));
  return name;
}
