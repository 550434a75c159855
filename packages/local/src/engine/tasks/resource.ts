/**
 * What a Task's Resource names, and how Step Functions reports it in the history: Lambda functions
 * called directly (LambdaFunction* events), activities (Activity* events), and service integrations
 * `arn:aws:states:::<service>:<action>[.sync|.sync:2|.waitForTaskToken]` (Task* events, with
 * `resourceType` "lambda" / "aws-sdk:s3"… and `resource` "invoke" / "listObjectsV2"…).
 */
export type IntegrationPattern = 'request' | 'sync' | 'sync:2' | 'waitForTaskToken';

export interface ParsedResource {
  readonly arn: string;
  readonly kind: 'lambda' | 'activity' | 'integration' | 'other';
  /** `lambda`, `sns`, `aws-sdk:s3`… for integrations. */
  readonly resourceType: string;
  /** `invoke`, `publish`, `startExecution.sync`… for integrations; the ARN otherwise. */
  readonly resourceName: string;
  /** The service and action of an integration (`s3`, `listObjectsV2`), `aws-sdk` ones included. */
  readonly service?: string;
  readonly action?: string;
  readonly sdk: boolean;
  readonly pattern: IntegrationPattern;
}

const INTEGRATION = /^arn:aws[a-z-]*:states:::(.+?)(?:\.(sync:2|sync|waitForTaskToken))?$/;
const LAMBDA_FUNCTION = /^arn:aws[a-z-]*:lambda:[^:]*:[^:]*:function:[^:]+(:[^:]+)?$/;
const ACTIVITY = /^arn:aws[a-z-]*:states:[^:]*:[^:]*:activity:.+$/;

export function parseResource(arn: string): ParsedResource {
  const integration = INTEGRATION.exec(arn);
  if (integration) {
    const pattern = (integration[2] ?? 'request') as IntegrationPattern;
    const parts = integration[1]!.split(':');
    const sdk = parts[0] === 'aws-sdk';
    const [service, action] = sdk ? [parts[1], parts.slice(2).join(':')] : [parts[0], parts.slice(1).join(':')];
    return {
      arn,
      kind: 'integration',
      resourceType: sdk ? `aws-sdk:${service}` : service!,
      resourceName: pattern === 'request' ? action! : `${action}.${pattern}`,
      service,
      action,
      sdk,
      pattern,
    };
  }
  const kind = LAMBDA_FUNCTION.test(arn) ? 'lambda' : ACTIVITY.test(arn) ? 'activity' : 'other';
  return { arn, kind, resourceType: kind === 'other' ? 'unresolved' : kind, resourceName: arn, sdk: false, pattern: 'request' };
}

/** The names a Lambda function may be bound under: the ARN, without its version or alias, its short name. */
export function lambdaNames(functionName: string): string[] {
  const match = /^(arn:aws[a-z-]*:lambda:[^:]*:[^:]*:function:([^:]+))(?::[^:]+)?$/.exec(functionName);
  if (!match) return [functionName];
  return [functionName, match[1]!, match[2]!];
}
