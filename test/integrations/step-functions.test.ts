import { describe, expect, it } from 'vitest';
import { shape, sub, workflow } from '@typestep/dsl';
import { states } from '@typestep/dsl';
import { onlyState } from './support.js';

/** The examples of AWS's "Start a new AWS Step Functions state machine from a running execution" page. */
const HELLO = 'arn:aws:states:us-east-1:123456789012:stateMachine:HelloWorld';
const request = { stateMachineArn: HELLO, input: { Comment: 'Hello world!' }, name: 'ExecutionName' } as const;

describe('states.startExecution (arn:aws:states:::states:startExecution)', () => {
  it('request-response, .sync and .sync:2 differ only in the Resource', () => {
    const cases = [
      [states.startExecution(request), 'arn:aws:states:::states:startExecution'],
      [states.startExecution.sync(request), 'arn:aws:states:::states:startExecution.sync'],
      [states.startExecution.sync2(request), 'arn:aws:states:::states:startExecution.sync:2'],
    ] as const;
    for (const [options, resource] of cases) {
      expect(onlyState(workflow('Nested').task('Start', options))).toStrictEqual({
        Type: 'Task',
        Resource: resource,
        Parameters: { StateMachineArn: HELLO, Input: { Comment: 'Hello world!' }, Name: 'ExecutionName' },
        End: true,
      });
    }
  });

  it('.waitForTaskToken with the token in the input', () => {
    const state = onlyState(
      workflow('NestedCallback').task('Start', states.startExecution.waitForTaskToken({ ...request, input: ($, $$) => ({ Comment: 'Hello world!', token: $$.Task.Token }) })),
    );
    expect(state).toStrictEqual({
      Type: 'Task',
      Resource: 'arn:aws:states:::states:startExecution.waitForTaskToken',
      Parameters: { StateMachineArn: HELLO, Input: { Comment: 'Hello world!', 'token.$': '$$.Task.Token' }, Name: 'ExecutionName' },
      End: true,
    });
  });

  it('associateWithParent adds AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID to the input', () => {
    const state = onlyState(workflow('NestedLinked').task('Start', states.startExecution.sync({ ...request, associateWithParent: true })));
    expect(state.Parameters).toStrictEqual({
      StateMachineArn: HELLO,
      Input: { Comment: 'Hello world!', 'AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$': '$$.Execution.Id' },
      Name: 'ExecutionName',
    });
    const withoutInput = onlyState(workflow('NestedLinkedEmpty').task('Start', states.startExecution({ stateMachineArn: sub('ChildStateMachineArn'), associateWithParent: true })), [
      'ChildStateMachineArn',
    ]);
    expect(withoutInput.Parameters).toStrictEqual({
      StateMachineArn: '${ChildStateMachineArn}',
      Input: { 'AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$': '$$.Execution.Id' },
    });
  });

  it('associateWithParent with an input that is not an object template is refused', () => {
    const build = () =>
      workflow('NestedLinkedPath', { input: shape<{ order: { id: string } }>() }).task(
        'Start',
        states.startExecution({ stateMachineArn: HELLO, input: ($) => $.order, associateWithParent: true }),
      );
    expect(build).toThrow('states.startExecution: associateWithParent adds AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID to the child\'s input, so the input must be an object template');
  });

  it('.waitForTaskToken without the token is refused', () => {
    expect(() => workflow('NestedNoToken').task('Start', states.startExecution.waitForTaskToken(request))).toThrow(/Put \$\$\.Task\.Token in the input/);
  });
});
