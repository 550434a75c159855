import { describe, expect, it } from 'vitest';
import { shape, workflow } from '@typestep/dsl';
import { awsSdk } from '@typestep/dsl';
import { onlyState } from './support.js';

describe('awsSdk (arn:aws:states:::aws-sdk:<service>:<action>)', () => {
  it('writes the action in camelCase, as the Resource takes it (AWS: "describeInstances")', () => {
    const state = onlyState(workflow('SdkEc2').task('Describe', awsSdk('ec2', 'DescribeInstances', { parameters: { InstanceIds: ['i-1234567890abcdef0'] } })));
    expect(state).toStrictEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::aws-sdk:ec2:describeInstances',
      Parameters: { InstanceIds: ['i-1234567890abcdef0'] },
      End: true,
    });
  });

  it('builds the parameters from the input', () => {
    const state = onlyState(
      workflow('SdkList', { input: shape<{ bucket: string }>() }).task('List', awsSdk('s3', 'listObjectsV2', { parameters: ($) => ({ Bucket: $.bucket, MaxKeys: 100 }) })),
    );
    expect(state.Parameters).toStrictEqual({ 'Bucket.$': '$.bucket', MaxKeys: 100 });
  });

  it('an action without parameters sends an empty request, not the state input', () => {
    const state = onlyState(workflow('SdkBuckets').task('List buckets', awsSdk('s3', 'listBuckets')));
    expect(state).toStrictEqual({ Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:s3:listBuckets', Parameters: {}, End: true });
  });

  it('.waitForTaskToken with the token in the parameters', () => {
    const state = onlyState(
      workflow('SdkCallback').task(
        'Start job',
        awsSdk.waitForTaskToken('glue', 'startJobRun', { parameters: ($, $$) => ({ JobName: 'nightly', Arguments: { '--task-token': $$.Task.Token } }) }),
      ),
    );
    expect(state).toStrictEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::aws-sdk:glue:startJobRun.waitForTaskToken',
      Parameters: { JobName: 'nightly', Arguments: { '--task-token.$': '$$.Task.Token' } },
      End: true,
    });
  });

  it('refuses a service or action that cannot be part of the Resource, naming the fix', () => {
    expect(() => awsSdk('S3', 'getObject')).toThrow(`awsSdk("S3", …): the service is the SDK's service name in lowercase letters and digits`);
    expect(() => awsSdk('aws-sdk:s3', 'getObject')).toThrow('awsSdk("aws-sdk:s3", …)');
    expect(() => awsSdk('s3', 'get-object')).toThrow(`awsSdk('s3', "get-object", …): the action is the API action's name, letters and digits only (e.g. 'listObjectsV2')`);
    expect(() => awsSdk('s3', '')).toThrow(`awsSdk('s3', "", …)`);
  });

  it('.waitForTaskToken without the token is refused', () => {
    expect(() => workflow('SdkNoToken').task('Start', awsSdk.waitForTaskToken('glue', 'startJobRun', { parameters: { JobName: 'nightly' } }))).toThrow(
      /^aws-sdk:glue:startJobRun\.waitForTaskToken: .*Put \$\$\.Task\.Token in the parameters/,
    );
  });
});
