import { z } from 'zod';
import { ExecutionStatus } from '../execution-status.js';

/** What the upload page posts to `/api` (seed 000's API), as JSON. */
export const UploadRequest = z.object({
  action: z.literal('upload'),
  filename: z.string().regex(/\.(?:jpe?g|png|gif)$/i, 'expected a file name ending in .jpg, .jpeg, .png or .gif'),
  /** The file as FileReader.readAsDataURL gives it: `data:image/png;base64,…`. */
  filedata: z.string().regex(/^data:[^,]*;base64,/, 'expected a base64 data URL (data:<type>;base64,<data>)'),
});

/** `id` is what upload returned: the execution's name. */
export const CheckStatusRequest = z.object({
  action: z.literal('checkstatus'),
  id: z.string().regex(/^[0-9A-Za-z_-]{1,80}$/, 'expected the id upload returned'),
});

export const ApiRequest = z.discriminatedUnion('action', [UploadRequest, CheckStatusRequest]);

/** upload's answer: `message` is the id to check. */
export const UploadResponse = z.object({ message: z.string() });

/** checkstatus's answer: the execution status, and every result written so far with a link to it. */
export const CheckStatusResponse = z.object({
  message: z.union([ExecutionStatus, z.literal('NotFound')]),
  images: z.array(z.object({ key: z.string(), url: z.string() })),
});

/** Errors come back as `{ message }` with a 4xx or 5xx status. */
export const ErrorResponse = z.object({ message: z.string() });

/** The part of an API Gateway (REST, proxy integration) event the API reads. */
export const ApiGatewayEvent = z.looseObject({ body: z.string().nullable().optional(), isBase64Encoded: z.boolean().optional() });

export interface ApiGatewayResult {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}
