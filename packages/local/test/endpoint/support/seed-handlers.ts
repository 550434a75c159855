import type { TaskHandler } from '@typestep/local';

/** Values for the stock trader's (seed 002) placeholders, as `typestep push` would substitute them. */
export const STOCK_TRADER_SUBSTITUTIONS = {
  StockCheckerFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:check-stock',
  StockSellerFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:sell-stock',
  StockBuyerFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:buy-stock',
  DDBPutItem: 'arn:aws:states:::dynamodb:putItem',
  DDBTable: 'StockTransactions',
};

/**
 * Local handlers for the stock trader, as its SAM sample's Lambda functions behave: the checker
 * prices the stock (`price` from the input, else 30), buying happens at 50 or below, and the
 * DynamoDB putItem is captured in `items` instead of written to a table.
 */
export function stockTraderTasks() {
  const items: unknown[] = [];
  const trade =
    (type: 'buy' | 'sell'): TaskHandler =>
    (input) => {
      const { stock_price } = input as { stock_price: number };
      return { id: `${type}-1`, type, price: String(stock_price), qty: '10', timestamp: '2024-01-01T00:00:00Z' };
    };
  const tasks: Record<string, TaskHandler> = {
    [STOCK_TRADER_SUBSTITUTIONS.StockCheckerFunctionArn]: (input) => ({ stock_price: (input as { price?: number }).price ?? 30 }),
    [STOCK_TRADER_SUBSTITUTIONS.StockBuyerFunctionArn]: trade('buy'),
    [STOCK_TRADER_SUBSTITUTIONS.StockSellerFunctionArn]: trade('sell'),
    [STOCK_TRADER_SUBSTITUTIONS.DDBPutItem]: (input) => {
      items.push(input);
      return {};
    },
  };
  return { tasks, items };
}
