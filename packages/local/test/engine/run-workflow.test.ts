import { compile } from '@typestep/compiler';
import { lte, shape, sub, workflow } from '@typestep/dsl';
import { describe, expect, it } from 'vitest';
import { InvalidDefinition, runWorkflow, TaskError } from '../../src/index.js';

/** The test API: run ASL, a compile result or a DSL workflow, with mocks by state name or resource. */

const stockTrader = workflow('StockTrader')
  .task('Check Stock Value', { resource: sub('StockCheckerFunctionArn'), returns: shape<{ stock_price: number }>() })
  .choice('Buy or Sell?', (c) =>
    c
      .when(
        ($) => lte($.stock_price, 50),
        (b) => b.task('Buy Stock', { resource: sub('StockBuyerFunctionArn'), returns: shape<{ id: string }>() }),
      )
      .otherwise((b) => b.task('Sell Stock', { resource: sub('StockSellerFunctionArn'), returns: shape<{ id: string }>() })),
  );

describe('runWorkflow', () => {
  it('runs a DSL workflow object, compiling it first', async () => {
    const result = await runWorkflow(stockTrader, {
      mocks: {
        'Check Stock Value': { result: { stock_price: 42 } },
        'Buy Stock': { result: { id: 'bought' } },
        'Sell Stock': { result: { id: 'sold' } },
      },
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { id: 'bought' } });
  });

  it('runs a compile result, and binds handlers by placeholder name', async () => {
    const compiled = compile(stockTrader);
    const result = await runWorkflow(compiled, {
      tasks: {
        StockCheckerFunctionArn: () => ({ stock_price: 99 }),
        StockSellerFunctionArn: (input) => ({ id: `sold at ${(input as { stock_price: number }).stock_price}` }),
      },
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: { id: 'sold at 99' } });
  });

  it('rejects a workflow the compiler reports problems for, with its diagnostics', async () => {
    const broken = workflow('Broken').pass('A', { result: 1 }).pass('A', { result: 2 });
    await expect(runWorkflow(broken)).rejects.toThrow(InvalidDefinition);
    await expect(runWorkflow(broken)).rejects.toThrow(/STEP101/);
  });

  it('answers a mock list call by call (the last answer repeats), to test Retry', async () => {
    const definition = {
      StartAt: 'Flaky',
      States: {
        Flaky: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:123456789012:function:flaky',
          Retry: [{ ErrorEquals: ['Busy'], MaxAttempts: 5 }],
          End: true,
        },
      },
    } as const;
    let calls = 0;
    const result = await runWorkflow(definition, {
      mocks: { Flaky: [{ error: 'Busy' }, () => (calls++, Promise.reject(new TaskError('Busy', 'again'))), { result: 'done' }] },
    });
    expect(result).toMatchObject({ status: 'SUCCEEDED', output: 'done' });
    expect(calls).toBe(1);
    expect(result.events.filter((e) => e.type === 'LambdaFunctionFailed').map((e) => e.lambdaFunctionFailedEventDetails)).toEqual([
      { error: 'Busy', cause: '' },
      { error: 'Busy', cause: 'again' },
    ]);
  });

  it('mocks by resource, for every state that uses it', async () => {
    const definition = {
      StartAt: 'One',
      States: {
        One: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: { Message: 'a' }, ResultPath: '$.one', Next: 'Two' },
        Two: { Type: 'Task', Resource: 'arn:aws:states:::sns:publish', Parameters: { Message: 'b' }, ResultPath: '$.two', End: true },
      },
    } as const;
    const result = await runWorkflow(definition, {
      mocks: { 'arn:aws:states:::sns:publish': (input) => ({ sent: (input as { Message: string }).Message }) },
    });
    expect(result.output).toEqual({ one: { sent: 'a' }, two: { sent: 'b' } });
  });

  it('prefers a mock over a bound handler', async () => {
    const definition = {
      StartAt: 'T',
      States: { T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:f', End: true } },
    } as const;
    const result = await runWorkflow(definition, { tasks: { f: () => 'handler' }, mocks: { T: { result: 'mock' } } });
    expect(result.output).toBe('mock');
  });

  it('runs on a virtual clock unless given one', async () => {
    const definition = { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 31_536_000, End: true } } } as const;
    const result = await runWorkflow(definition);
    expect(result.stopDate.getTime() - result.startDate.getTime()).toBe(31_536_000_000);
  });
});
