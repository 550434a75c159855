/**
 * The Lambda handlers (each also bundled on its own by `pnpm package`). Importing this loads
 * sharp and the AWS SDK, and restricts sharp to the JPEG, PNG and GIF decoders process-wide.
 */
export { imageHandler } from './image/handler.js';
export { listObjectsHandler, TIME_MARGIN_MS } from './usage/list-objects.js';
export { putUsageHandler } from './usage/put-usage.js';
export { createMessageHandler } from './usage/create-message.js';
export { sumUsageBatchHandler } from './usage/sum-usage-batch.js';
export { createStateMachineHandler } from './controller/create-state-machine.js';
export { describeExecutionHandler } from './controller/describe-execution.js';
export { deleteStateMachineHandler } from './controller/delete-state-machine.js';
export { uploadApiHandler } from './upload-api/api-handler.js';
export { frontHandler } from './upload-api/front-handler.js';
export { startUploadPageServer } from './upload-api/local-server.js';
export type { LambdaContext } from './lambda-context.js';
export type { LambdaHandler } from './define-handler.js';
