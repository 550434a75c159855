import { at, eq, format, isPresent, workflow } from '@typestep/dsl';
import { z } from 'zod';
import { echoAndWait } from './echo-and-wait.js';

/**
 * Seed 003 describes Parallel, Pass (building its output from the input), Succeed and Fail
 * only in words ("try the seven flows"). This workflow uses each of them the way the post
 * explains: run two things side by side, shape the data with a Pass, and finish with Succeed
 * or Fail depending on the result.
 */
const Request = z.object({ user: z.string(), HOGE: z.string().optional() });

export default workflow('FlowsTour', { comment: 'Seed 003: Parallel, Pass, Succeed and Fail', input: Request })
  .parallel('Parallel', {
    comment: '並行処理: both branches get the same input',
    branches: [
      (b) => b.next(echoAndWait('Lambda Left', 'Wait Left', 1)),
      (b) => b.pass('Pass (Greeting)', { parameters: ($) => ({ greeting: format('Hello, {}!', $.user), user: $.user }) }),
    ],
    resultSelector: (results) => ({ left: at(results, 0), right: at(results, 1) }),
  })
  .pass('Pass (Shape)', {
    comment: '入力値をもとに出力値を作成できる',
    parameters: ($, $$) => ({ greeting: $.right.greeting, startedAt: $$.Execution.StartTime, HOGE: $.right.user }),
  })
  .choice('Check', (c) =>
    c
      .when(($) => eq($.HOGE, 'HOGE 200'), (b) => b.succeed('Success'))
      .when(($) => isPresent($.greeting), (b) => b.succeed('Greeted', { outputPath: ($) => $.greeting }))
      .otherwise((b) => b.fail('Fail', { error: 'NoGreeting', cause: 'The greeting branch produced nothing' })),
  );
