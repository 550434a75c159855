import { arrayLength, format, gt, shape, sub, unsafePath, variable, workflow } from '@typestep/dsl';
import type { GoldenCase } from './golden-case.js';

/**
 * Variables in JSONPath states: `Assign` with `.$` keys (evaluated against the state's result, after
 * ResultSelector), read back as `$name` paths; a path as MaxConcurrency (MaxConcurrencyPath); and
 * `sub()` placeholders as intrinsic arguments, quoted as `'${Name}'` (DefinitionSubstitutions fills
 * them in anywhere in the definition text).
 */

const LOAD = 'arn:aws:lambda:us-east-1:123456789012:function:load';

const total = variable<number>('total');
const owner = variable<string>('owner');

export const jsonPathVariableCases: readonly GoldenCase[] = [
  {
    construct: 'JSONPath Assign on Map, Task and Pass; variables read in Parameters, an intrinsic and a Choice; MaxConcurrencyPath; a placeholder as an intrinsic argument',
    workflow: workflow('JsonPathVariables', { input: shape<{ id: string; limit: number; items: readonly { n: number }[] }>() })
      .map('Each item', {
        itemsPath: ($) => $.items,
        maxConcurrency: ($) => $.limit,
        itemSelector: ($, $$) => ({ n: $$.Map.Item.Value.n, index: $$.Map.Item.Index }),
        itemProcessor: (b) => b.pass('Item'),
        // (Reading the callback's own `result` here hits TS2589 in the JSONPath map's typing — reported;
        // unsafePath reads the same `$`, the Map's result.)
        assign: () => ({ count: arrayLength(unsafePath<unknown[]>('$')) }),
        resultPath: '$.results',
      })
      .task('Load', {
        resource: LOAD,
        parameters: ($) => ({ id: $.id }),
        returns: shape<{ total: number; owner: string; extra: string }>(),
        resultSelector: (r) => ({ total: r.total, owner: r.owner }),
        assign: (r, $$) => ({ total: r.total, owner: r.owner, loadedAt: $$.State.EnteredTime, kind: 'order', nested: { first: r.owner } }),
        resultPath: '$.loaded',
      })
      .pass('Label', {
        parameters: ($) => ({ label: format('{}/{}/{}', sub('ReportBucket'), owner, $.id), total }),
        assign: (result) => ({ label: result.label }),
      })
      .choice('Big?', (c) => c.when(() => gt(total, 10), (b) => b.succeed('Big')).otherwise((b) => b.succeed('Small'))),
    asl: {
      StartAt: 'Each item',
      States: {
        'Each item': {
          Type: 'Map',
          ItemsPath: '$.items',
          ItemSelector: { 'n.$': '$$.Map.Item.Value.n', 'index.$': '$$.Map.Item.Index' },
          MaxConcurrencyPath: '$.limit',
          ItemProcessor: { StartAt: 'Item', States: { Item: { Type: 'Pass', End: true } } },
          ResultPath: '$.results',
          Assign: { 'count.$': 'States.ArrayLength($)' },
          Next: 'Load',
        },
        Load: {
          Type: 'Task',
          Resource: LOAD,
          Parameters: { 'id.$': '$.id' },
          ResultSelector: { 'total.$': '$.total', 'owner.$': '$.owner' },
          ResultPath: '$.loaded',
          Assign: {
            'total.$': '$.total',
            'owner.$': '$.owner',
            'loadedAt.$': '$$.State.EnteredTime',
            kind: 'order',
            nested: { 'first.$': '$.owner' },
          },
          Next: 'Label',
        },
        Label: {
          Type: 'Pass',
          Parameters: { 'label.$': "States.Format('{}/{}/{}', '${ReportBucket}', $owner, $.id)", 'total.$': '$total' },
          Assign: { 'label.$': '$.label' },
          Next: 'Big?',
        },
        'Big?': {
          Type: 'Choice',
          Choices: [{ Variable: '$total', NumericGreaterThan: 10, Next: 'Big' }],
          Default: 'Small',
        },
        Big: { Type: 'Succeed' },
        Small: { Type: 'Succeed' },
      },
    },
    placeholders: ['ReportBucket'],
  },
];
