/** What `lambda:invoke` returns: the function's return value under `Payload`, and call metadata. */
export interface LambdaInvokeResult<Payload> {
  readonly Payload: Payload;
  readonly StatusCode: number;
  readonly ExecutedVersion: string;
}
