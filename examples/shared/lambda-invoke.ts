import { shape, sub, type Placeholder, type RetryOptions, type Schema } from '@typestep/dsl';

/** The `lambda:invoke` integration: Step Functions wraps the function's return in `{ Payload, … }`. */
export const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';

/** The retry AWS recommends for `lambda:invoke` (what the console inserts; seeds 003 and 004 use it). */
export const lambdaServiceRetry: RetryOptions = {
  errors: ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException'],
  intervalSeconds: 2,
  maxAttempts: 6,
  backoffRate: 2,
};

/** `arn:aws:lambda:<region>:<account>:function:<name>:$LATEST`, as the console writes it. */
export const latest = (region: string, account: string, name: string) =>
  `arn:aws:lambda:${region}:${account}:function:${name}:$LATEST`;

export type FunctionRef = string | Placeholder;
export { sub };

/** What `lambda:invoke` returns: the function's return value under `Payload`, plus call metadata. */
export interface LambdaInvokeResult<Payload> {
  readonly Payload: Payload;
  readonly StatusCode: number;
  readonly ExecutedVersion: string;
}

/** `returns: invokeResult(Schema)` types `$.Payload` as the function's own result. */
export const invokeResult = <Payload>(_payload?: Schema<Payload>): Schema<LambdaInvokeResult<Payload>> =>
  shape<LambdaInvokeResult<Payload>>();
