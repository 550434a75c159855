/** One Lambda function: which handler it runs and what its zip holds besides the bundle. */
export interface LambdaFunction {
  /** The zip's name, `<name>.zip`. */
  readonly name: string;
  /** The module under src/ that exports the handler, and the export's name. */
  readonly module: string;
  readonly export: string;
  /** Files from src/ put next to the bundle (read at run time relative to it). */
  readonly files?: readonly string[];
  /** Ships sharp and its linux-x64 and linux-arm64 native packages. */
  readonly sharp?: boolean;
}

export const LAMBDA_FUNCTIONS: readonly LambdaFunction[] = [
  { name: 'image', module: 'image/handler.ts', export: 'imageHandler', sharp: true },
  { name: 'upload-api', module: 'upload-api/api-handler.ts', export: 'uploadApiHandler' },
  { name: 'front', module: 'upload-api/front-handler.ts', export: 'frontHandler', files: ['upload-api/upload-page.html'] },
  { name: 'list-objects', module: 'usage/list-objects.ts', export: 'listObjectsHandler' },
  { name: 'put-usage', module: 'usage/put-usage.ts', export: 'putUsageHandler' },
  { name: 'create-message', module: 'usage/create-message.ts', export: 'createMessageHandler' },
  { name: 'sum-usage-batch', module: 'usage/sum-usage-batch.ts', export: 'sumUsageBatchHandler' },
  { name: 'create-state-machine', module: 'controller/create-state-machine.ts', export: 'createStateMachineHandler' },
  { name: 'describe-execution', module: 'controller/describe-execution.ts', export: 'describeExecutionHandler' },
  { name: 'delete-state-machine', module: 'controller/delete-state-machine.ts', export: 'deleteStateMachineHandler' },
];

/** Every function's zip holds `index.mjs` exporting `handler`. */
export const LAMBDA_HANDLER = 'index.handler';
export const LAMBDA_RUNTIME = 'nodejs22.x';
