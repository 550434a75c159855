export { invoke, type InvokeOptions, type InvokeCallbackOptions, type InvokeTask } from './invoke.js';
// `function` is a reserved word for declarations but a fine export name: `lambda.function({ … })`.
export { lambdaFunction as function, type FunctionOptions } from './function.js';
export { serviceExceptionRetry } from './service-exception-retry.js';
export type { LambdaInvokeResult } from './invoke-result.js';
