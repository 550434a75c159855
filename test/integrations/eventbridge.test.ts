import { describe, expect, it } from 'vitest';
import { shape, sub, workflow } from '@typestep/dsl';
import { events } from '@typestep/dsl';
import { onlyState } from './support.js';

describe('events.putEvents (arn:aws:states:::events:putEvents)', () => {
  it('writes the example of AWS\'s "Add EventBridge events" page', () => {
    const state = onlyState(
      workflow('EventsExample').task(
        'Send a custom event',
        events.putEvents({ entries: [{ detail: { Message: 'MyMessage' }, detailType: 'MyDetailType', eventBusName: 'MyEventBus', source: 'my.source' }] }),
      ),
    );
    expect(state).toStrictEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::events:putEvents',
      Parameters: { Entries: [{ Detail: { Message: 'MyMessage' }, DetailType: 'MyDetailType', EventBusName: 'MyEventBus', Source: 'my.source' }] },
      End: true,
    });
  });

  it('builds entries from the input: a path as the detail, a placeholder as the bus', () => {
    const state = onlyState(
      workflow('EventsFromInput', { input: shape<{ order: { id: string }; kind: string }>(), substitutions: { OrdersBus: { default: 'orders' } } }).task(
        'Announce',
        events.putEvents({ entries: ($) => [{ detail: $.order, detailType: $.kind, source: 'shop.orders', eventBusName: sub('OrdersBus') }] }),
      ),
      ['OrdersBus'],
    );
    expect(state.Parameters).toStrictEqual({
      Entries: [{ 'Detail.$': '$.order', 'DetailType.$': '$.kind', EventBusName: '${OrdersBus}', Source: 'shop.orders' }],
    });
  });

  it('.waitForTaskToken: the token travels in the detail', () => {
    const state = onlyState(
      workflow('EventsCallback').task(
        'Send event and wait',
        events.putEvents.waitForTaskToken({ entries: ($, $$) => [{ detail: { Message: 'MyMessage', TaskToken: $$.Task.Token }, detailType: 'MyDetailType', source: 'my.source' }] }),
      ),
    );
    expect(state).toStrictEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::events:putEvents.waitForTaskToken',
      Parameters: { Entries: [{ Detail: { Message: 'MyMessage', 'TaskToken.$': '$$.Task.Token' }, DetailType: 'MyDetailType', Source: 'my.source' }] },
      End: true,
    });
  });

  it('.waitForTaskToken without the token is refused', () => {
    expect(() => workflow('EventsNoToken').task('Send', events.putEvents.waitForTaskToken({ entries: [{ detail: {}, detailType: 't', source: 's' }] }))).toThrow(
      /Put \$\$\.Task\.Token in an entry's detail/,
    );
  });
});
