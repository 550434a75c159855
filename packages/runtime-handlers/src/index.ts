/**
 * @typestep/runtime-handlers: the contracts of the seed systems' Lambda handlers, for workflows.
 * Importing this loads zod and the DSL only (no AWS SDK, no sharp); the handlers themselves are
 * in `@typestep/runtime-handlers/handlers`.
 */
import { createStateMachineContract, deleteStateMachineContract, describeExecutionContract } from './controller/contract.js';
import { imageContract } from './image/contract.js';
import { createMessageContract, listObjectsContract, putUsageContract, sumUsageBatchContract } from './usage/contract.js';

export { contract, type HandlerContract, type RequestOf, type ResultOf } from './contract.js';
export * from './errors.js';
export { ExecutionStatus, EXECUTION_STATUSES } from './execution-status.js';

export { imageContract, ImageRequest, ImageResult } from './image/contract.js';
export { parseHexColour, type Rgba } from './image/bgcolor.js';
export { IMAGE_LIMITS } from './image/limits.js';
export { DEFAULT_OUTPUT_PREFIX, outputKey } from './image/output-keys.js';

export {
  BucketReport,
  createMessageContract,
  CreateMessageRequest,
  CreateMessageResult,
  ExtensionRow,
  listObjectsContract,
  ListObjectsRequest,
  ListObjectsResult,
  putUsageContract,
  PutUsageRequest,
  S3ObjectItem,
  sumUsageBatchContract,
  SumUsageBatchRequest,
  SumUsageBatchResult,
} from './usage/contract.js';
export { Usage, MAX_EXTENSIONS } from './usage/usage.js';
export { USAGE_TABLE_KEYS, usageTableDefinition } from './usage/usage-table.js';

export {
  createStateMachineContract,
  deleteStateMachineContract,
  describeExecutionContract,
} from './controller/contract.js';
export { BucketList, usageReportMachine, type UsageReportTargets } from './controller/usage-report-machine.js';

export { ApiRequest, CheckStatusResponse, UploadResponse } from './upload-api/contract.js';

/** Every Step Functions task handler's contract, by function name. */
export const contracts = {
  image: imageContract,
  'list-objects': listObjectsContract,
  'put-usage': putUsageContract,
  'create-message': createMessageContract,
  'sum-usage-batch': sumUsageBatchContract,
  'create-state-machine': createStateMachineContract,
  'describe-execution': describeExecutionContract,
  'delete-state-machine': deleteStateMachineContract,
} as const;
