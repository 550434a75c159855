import { describe, expect, it } from 'vitest';
import { shape, sub, workflow } from '@typestep/dsl';
import { http } from '@typestep/dsl';
import { onlyState } from './support.js';

const STRIPE_CONNECTION = 'arn:aws:events:us-east-2:123456789012:connection/Stripe/81210c42-8af1-456b-9c4a-6ff02fc664ac';

describe('http.invoke (arn:aws:states:::http:invoke), request-response only', () => {
  it('writes the example of AWS\'s "Call HTTPS APIs in Step Functions workflows" page', () => {
    const state = onlyState(
      workflow('HttpExample').task('Call HTTPS API', http.invoke({ apiEndpoint: 'https://api.stripe.com/v1/customers', method: 'GET', connectionArn: STRIPE_CONNECTION })),
    );
    expect(state).toStrictEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::http:invoke',
      Parameters: { ApiEndpoint: 'https://api.stripe.com/v1/customers', Method: 'GET', Authentication: { ConnectionArn: STRIPE_CONNECTION } },
      End: true,
    });
  });

  it('headers, query parameters, a body from the input, URL-encoded with bracketed arrays', () => {
    const state = onlyState(
      workflow('HttpPost', {
        input: shape<{ customer: { email: string } }>(),
        substitutions: { StripeConnectionArn: { default: STRIPE_CONNECTION } },
      }).task(
        'Create customer',
        http.invoke({
          apiEndpoint: 'https://api.stripe.com/v1/customers',
          method: 'POST',
          connectionArn: sub('StripeConnectionArn'),
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          queryParameters: { expand: 'sources' },
          requestBody: ($) => $.customer,
          urlEncodeBody: { arrayFormat: 'BRACKETS' },
        }),
      ),
      ['StripeConnectionArn'],
    );
    expect(state.Parameters).toStrictEqual({
      ApiEndpoint: 'https://api.stripe.com/v1/customers',
      Method: 'POST',
      Authentication: { ConnectionArn: '${StripeConnectionArn}' },
      Headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      QueryParameters: { expand: 'sources' },
      'RequestBody.$': '$.customer',
      Transform: { RequestBodyEncoding: 'URL_ENCODED', RequestEncodingOptions: { ArrayFormat: 'BRACKETS' } },
    });
  });

  it('urlEncodeBody: true encodes without array options', () => {
    const state = onlyState(
      workflow('HttpEncoded').task('Post', http.invoke({ apiEndpoint: 'https://example.com/form', method: 'POST', connectionArn: STRIPE_CONNECTION, requestBody: { a: '1' }, urlEncodeBody: true })),
    );
    expect(state.Parameters).toMatchObject({ RequestBody: { a: '1' }, Transform: { RequestBodyEncoding: 'URL_ENCODED' } });
    expect((state.Parameters as { Transform: object }).Transform).not.toHaveProperty('RequestEncodingOptions');
  });
});
