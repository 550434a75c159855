import type { SubstitutionsMap } from '@typestep/compiler';

/**
 * Fills a definition's `${Name}` placeholders the way CloudFormation's DefinitionSubstitutions
 * does — textually, in the definition string — with well-formed values, so that validators which
 * check ARNs see what AWS would see after a deploy.
 *
 * The value of each placeholder is, in this order:
 * 1. its declared default (`substitutions[name].default`), when the workflow gave one;
 * 2. by naming convention (the conventions SAM templates use, seed 002 among them):
 *    - `DDB<Action>` (e.g. `DDBPutItem`) → the DynamoDB service integration
 *      `arn:aws:states:::dynamodb:<action>` (`putItem`);
 *    - `…Table` / `…TableName` (e.g. `DDBTable`) → a DynamoDB table *name* (not an ARN: it is
 *      used as `TableName`), `typestep-<name>`;
 *    - `…Function`, `…FunctionArn`, `…Arn` (e.g. `LambdaFunction`, `StockCheckerFunctionArn`) → a
 *      Lambda function ARN `arn:aws:lambda:us-east-1:123456789012:function:<name>`;
 *    - `…Topic` / `…TopicArn` → an SNS topic ARN; `…Queue` / `…QueueUrl` → an SQS queue URL;
 *      `…Bucket` / `…BucketName` → an S3 bucket name.
 * 3. Anything else throws: a new kind of placeholder needs a deliberate rule here, not a guess.
 */
export function substitutionValue(name: string, substitutions: SubstitutionsMap = {}): string {
  const declared = substitutions[name]?.default;
  if (declared !== undefined && declared !== null) return declared;
  const ddbAction = /^DDB([A-Z][A-Za-z]*)$/.exec(name);
  if (ddbAction && !/Table(Name)?$/.test(name)) {
    const action = ddbAction[1]!;
    return `arn:aws:states:::dynamodb:${action[0]!.toLowerCase()}${action.slice(1)}`;
  }
  if (/Table(Name)?$/.test(name)) return `typestep-${name.toLowerCase()}`;
  if (/Topic(Arn)?$/.test(name)) return `arn:aws:sns:us-east-1:${ACCOUNT}:${name}`;
  if (/Queue(Url)?$/.test(name)) return `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/${name}`;
  if (/Bucket(Name)?$/.test(name)) return `typestep-${name.toLowerCase()}`;
  if (/(Function|FunctionArn|Arn)$/.test(name)) return `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`;
  throw new Error(`substitute(): no rule for the placeholder \${${name}}; add one to test/support/substitute.ts`);
}

const ACCOUNT = '123456789012';
const PLACEHOLDER = /\$\{([A-Za-z0-9_]+)\}/g;

/** The `${Name}` placeholders a definition's text holds, sorted. */
export function placeholdersIn(definition: unknown): string[] {
  return [...new Set([...JSON.stringify(definition).matchAll(PLACEHOLDER)].map((match) => match[1]!))].sort();
}

/**
 * The definition with every placeholder replaced (a new object; the input is not touched).
 * Replacement is on the JSON text, as CloudFormation does it, with each value JSON-escaped.
 */
export function substitute<T>(definition: T, substitutions: SubstitutionsMap = {}): T {
  const text = JSON.stringify(definition).replace(PLACEHOLDER, (_match, name: string) =>
    JSON.stringify(substitutionValue(name, substitutions)).slice(1, -1),
  );
  return JSON.parse(text) as T;
}
