import { describe, expect, it } from 'vitest';
import { format, shape, sub, workflow } from '@typestep/dsl';
import { s3 } from '@typestep/dsl';
import { onlyState } from './support.js';

describe('s3 through the AWS SDK integration (arn:aws:states:::aws-sdk:s3:…)', () => {
  it('getObject: Bucket and Key, here a placeholder and a key formatted from the input', () => {
    const state = onlyState(
      workflow('S3Get', { input: shape<{ date: string }>() }).task('Load report', s3.getObject({ bucket: sub('ReportBucket'), key: ($) => format('reports/{}.json', $.date) })),
      ['ReportBucket'],
    );
    expect(state).toStrictEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::aws-sdk:s3:getObject',
      Parameters: { Bucket: '${ReportBucket}', 'Key.$': "States.Format('reports/{}.json', $.date)" },
      End: true,
    });
  });

  it('putObject: the body from the input (stored as its JSON text), with a content type', () => {
    const state = onlyState(
      workflow('S3Put', { input: shape<{ summary: { total: number } }>() }).task(
        'Save summary',
        s3.putObject({ bucket: 'typestep-reports', key: 'latest.json', body: ($) => $.summary, contentType: 'application/json' }),
      ),
    );
    expect(state).toStrictEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::aws-sdk:s3:putObject',
      Parameters: { Bucket: 'typestep-reports', Key: 'latest.json', 'Body.$': '$.summary', ContentType: 'application/json' },
      End: true,
    });
  });
});
