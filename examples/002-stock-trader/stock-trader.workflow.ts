import { lte, sub, workflow } from '@typestep/dsl';
import { z } from 'zod';

/** Seed 002: the SAM "stock trader" sample, with its five DefinitionSubstitutions. */
const StockValue = z.object({ stock_price: z.number() });
const Trade = z.object({
  id: z.string(),
  type: z.enum(['buy', 'sell']),
  price: z.string(),
  qty: z.string(),
  timestamp: z.string(),
});

const retryTaskFailed = (intervalSeconds: number, maxAttempts: number, backoffRate: number) => [
  { errors: ['States.TaskFailed'] as const, intervalSeconds, maxAttempts, backoffRate },
];

export default workflow('StockTrader', { comment: 'A state machine that does mock stock trading.' })
  .task('Check Stock Value', {
    resource: sub('StockCheckerFunctionArn'),
    returns: StockValue,
    retry: retryTaskFailed(15, 5, 1.5),
  })
  .choice('Buy or Sell?', (c) =>
    c
      .when(($) => lte($.stock_price, 50), (b) =>
        b.task('Buy Stock', { resource: sub('StockBuyerFunctionArn'), returns: Trade, retry: retryTaskFailed(2, 3, 1) }),
      )
      .otherwise((b) =>
        b.task('Sell Stock', { resource: sub('StockSellerFunctionArn'), returns: Trade, retry: retryTaskFailed(2, 3, 1) }),
      ),
  )
  // Both branches converge here.
  .task('Record Transaction', {
    resource: sub('DDBPutItem'),
    parameters: ($) => ({
      TableName: sub('DDBTable'),
      Item: {
        Id: { S: $.id },
        Type: { S: $.type },
        Price: { N: $.price },
        Quantity: { N: $.qty },
        Timestamp: { S: $.timestamp },
      },
    }),
    retry: retryTaskFailed(20, 5, 10),
  });
