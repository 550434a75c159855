import { Option, type Command } from 'commander';

/**
 * What `typestep local` serves when started with its defaults (`--host 127.0.0.1 --port 8083`,
 * the port of AWS's Step Functions Local): the endpoint `--local` points at.
 */
export const LOCAL_ENDPOINT = 'http://127.0.0.1:8083';

/** Where `--local` points: TYPESTEP_LOCAL_ENDPOINT (for `typestep local --port …`), else LOCAL_ENDPOINT. */
export function localEndpoint(): string {
  return process.env['TYPESTEP_LOCAL_ENDPOINT'] || LOCAL_ENDPOINT;
}

/** The role `push --local` gives new state machines when none is named: the local endpoint never assumes it. */
export const LOCAL_ROLE_ARN = 'arn:aws:iam::123456789012:role/typestep-local';

/** The options every command that calls Step Functions takes, named as the AWS CLI names them. */
export interface AwsOptions {
  readonly region?: string;
  readonly profile?: string;
  readonly endpointUrl?: string;
  /** Shorthand for `--endpoint-url ${localEndpoint()}` with local test credentials. */
  readonly local?: boolean;
  readonly output: 'text' | 'json';
}

/** Adds `--region`, `--profile`, `--endpoint-url`, `--local` and `--output` to a command. */
export function withAwsOptions(command: Command): Command {
  return command
    .option('--region <region>', 'the AWS region (default: AWS_REGION, or the profile\'s region)')
    .option('--profile <name>', 'a profile of ~/.aws/config and ~/.aws/credentials (default: AWS_PROFILE, or "default")')
    .addOption(new Option('--endpoint-url <url>', 'call this Step Functions endpoint instead of AWS\'s').conflicts('local'))
    .option('--local', `use the endpoint "typestep local" serves (${LOCAL_ENDPOINT}, or TYPESTEP_LOCAL_ENDPOINT), with local test credentials`)
    .addOption(new Option('--output <format>', 'text for people, json for machines').choices(['text', 'json']).default('text'));
}
