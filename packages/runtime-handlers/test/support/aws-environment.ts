/**
 * Points the SDK's standard configuration at local servers: what a developer does in a shell.
 * The handlers read nothing else; no test-only code path exists in them.
 */
export function useLocalAws(endpoints: { readonly s3?: string; readonly sns?: string; readonly dynamodb?: string; readonly sfn?: string }): void {
  process.env['AWS_REGION'] = 'us-east-1';
  process.env['AWS_ACCESS_KEY_ID'] = 'local';
  process.env['AWS_SECRET_ACCESS_KEY'] = 'local';
  // The SDK warns once per process that Node 20 support ends in 2027; the tests run on Node 20.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
  if (endpoints.s3) process.env['AWS_ENDPOINT_URL_S3'] = endpoints.s3;
  if (endpoints.sns) process.env['AWS_ENDPOINT_URL_SNS'] = endpoints.sns;
  if (endpoints.dynamodb) process.env['AWS_ENDPOINT_URL_DYNAMODB'] = endpoints.dynamodb;
  if (endpoints.sfn) process.env['AWS_ENDPOINT_URL_SFN'] = endpoints.sfn;
}
