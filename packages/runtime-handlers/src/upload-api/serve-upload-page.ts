/**
 * `pnpm --filter @typestep/runtime-handlers upload-page`: serves the upload page on PORT
 * (default 8080). Set BUCKET_NAME, STATE_MACHINE_ARN and the AWS_ENDPOINT_URL_S3 / _SFN of the
 * servers to use (AWS itself when unset).
 */
import { startUploadPageServer } from './local-server.js';

const { url } = await startUploadPageServer({ port: Number(process.env['PORT'] ?? 8080), host: process.env['HOST'] ?? '127.0.0.1' });
process.stdout.write(`upload page: ${url}\n`);
