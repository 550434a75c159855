import { compile, type SubstitutionsMap } from '@typestep/compiler';
import { describe, expect, it } from 'vitest';
import { examples, readReference, referenceNames } from '../support/examples.js';
import { aslValidatorErrors, statelintProblems, usesJsonata } from '../support/oracles.js';
import { placeholdersIn, substitute, substitutionValue } from '../support/substitute.js';

/**
 * Independent validators as oracles. Every definition the examples emit — and every reference
 * machine in ../shared/reference-asl — is checked, after its `${Placeholders}` are filled in as
 * CloudFormation would (see test/support/substitute.ts), by:
 *  - asl-validator 4.0.0 (JSON schemas, path and payload-template syntax, ARNs, JSONata);
 *  - @wmfs/statelint (the J2119 validator derived from awslabs/statelint), for JSONPath-only
 *    machines, except for its known false complaints listed in STATELINT_EXCEPTIONS below.
 */

type Definition = Record<string, unknown>;

interface StatelintException {
  /** The machines (reference names) where statelint makes this complaint. */
  readonly machines: readonly string[];
  /** The complaint's text; group `field` is the field name, group `at` is statelint's location. */
  readonly problem: RegExp;
  /** Why statelint is wrong here. */
  readonly reason: string;
  /** Checks that the complained-about value really is the one the reason is about. */
  readonly confirm: (definition: Definition, field: string, at: string) => boolean;
}

/**
 * Each place where statelint is demonstrably wrong. A complaint is excused only if it matches a
 * `problem` and `confirm` holds for the value it points at; any other complaint fails the test.
 */
const STATELINT_EXCEPTIONS: readonly StatelintException[] = [
  {
    machines: ['001-2-dynamic-3-buckets'],
    problem: /^Field "(?<field>InputPath|OutputPath|ResultPath|ItemsPath)" defined at "(?<at>[^"]+)" is not a JSONPath$/,
    reason:
      'statelint\'s JSONPath grammar refuses a member name that starts with a digit, so it rejects "$.0" ' +
      '(seed 001 reads bucket "0" of its input with InputPath "$.0"). Step Functions accepts and runs it — ' +
      'the seed deployed it — and asl-validator\'s path grammar accepts the same definition (checked above).',
    confirm: (definition, field, at) => {
      const value = stateAt(definition, at)?.[field];
      return typeof value === 'string' && /^\$(\.[A-Za-z0-9_]+)*$/.test(value) && /\.[0-9]/.test(value);
    },
  },
];

/** Finds the state statelint means by `State Machine.States.Parallel.Branches[0].ListObject0`. */
function stateAt(definition: Definition, at: string): Definition | undefined {
  const found = allStates(definition).filter(([name]) => at.endsWith(`.${name}`));
  return found.length === 1 ? found[0]![1] : undefined;
}

function allStates(container: Definition): [string, Definition][] {
  const states = Object.entries((container.States ?? {}) as Record<string, Definition>);
  return states.flatMap(([name, state]) => [
    [name, state] as [string, Definition],
    ...((state.Branches as Definition[] | undefined) ?? []).flatMap(allStates),
    ...[state.ItemProcessor, state.Iterator].filter((inner): inner is Definition => inner !== undefined).flatMap(allStates),
  ]);
}

/** statelint's complaints split into those excused by an exception and those that are not. */
function lint(definition: Definition): { excused: Map<StatelintException, string[]>; unexcused: string[] } {
  const excused = new Map<StatelintException, string[]>();
  const unexcused: string[] = [];
  for (const problem of statelintProblems(definition)) {
    const exception = STATELINT_EXCEPTIONS.find((candidate) => {
      const match = candidate.problem.exec(problem);
      return match?.groups !== undefined && candidate.confirm(definition, match.groups.field!, match.groups.at!);
    });
    if (exception) excused.set(exception, [...(excused.get(exception) ?? []), problem]);
    else unexcused.push(problem);
  }
  return { excused, unexcused };
}

interface Machine {
  readonly name: string;
  readonly definition: Definition;
  readonly substitutions: SubstitutionsMap;
}

const emitted: Machine[] = examples.map(({ reference, workflow }) => {
  const { definition, substitutions } = compile(workflow);
  return { name: reference, definition: definition as Definition, substitutions };
});
const references: Machine[] = referenceNames().map((name) => ({ name, definition: readReference(name), substitutions: {} }));

describe.each([
  ['emitted by the examples', emitted],
  ['in ../shared/reference-asl', references],
] as const)('machines %s', (_label, machines) => {
  it('are all here', () => {
    expect(machines.map((machine) => machine.name).sort()).toEqual(referenceNames());
  });

  describe.each(machines)('$name', ({ name, definition, substitutions }) => {
    const deployed = substitute(definition, substitutions);

    it('has every placeholder filled in, each one listed in its substitutions map', () => {
      expect(placeholdersIn(deployed)).toEqual([]);
      if (machines === emitted) expect(placeholdersIn(definition)).toEqual(Object.keys(substitutions).sort());
    });

    it('is accepted by asl-validator 4', () => {
      expect(aslValidatorErrors(deployed)).toEqual([]);
    });

    it('is accepted by statelint, but for the listed exceptions', () => {
      // statelint knows no JSONata; every seed machine is JSONPath-only, and must stay checked.
      expect(usesJsonata(deployed)).toBe(false);
      const { excused, unexcused } = lint(deployed);
      expect(unexcused).toEqual([]);
      for (const exception of STATELINT_EXCEPTIONS) {
        // An exception listed for this machine must still be needed (and one not listed must not fire).
        expect(excused.has(exception), exception.reason).toBe(exception.machines.includes(name));
      }
    });
  });
});

describe('the oracles can fail', () => {
  const stockTrader = emitted.find((machine) => machine.name === '002-1')!;
  const deployed = substitute(stockTrader.definition, stockTrader.substitutions);

  it('asl-validator rejects a dangling Next, a bad path and a resource that is not an ARN', () => {
    const dangling = structuredClone(deployed) as any;
    dangling.States['Buy Stock'].Next = 'Nowhere';
    expect(aslValidatorErrors(dangling).join('\n')).toMatch(/Nowhere/);

    // (asl-validator 4 checks the `.$` paths of a payload template's top level only, not nested ones.)
    const badPath = structuredClone(deployed) as any;
    badPath.States['Record Transaction'].Parameters['Table.$'] = '$..[';
    expect(aslValidatorErrors(badPath).join('\n')).toMatch(/Parameters\/Table\.\$ is invalid/);

    const notArn = structuredClone(deployed) as any;
    notArn.States['Check Stock Value'].Resource = 'StockChecker';
    expect(aslValidatorErrors(notArn)).not.toEqual([]);
  });

  it('statelint rejects an unfilled placeholder as a Resource (why the definitions are substituted first)', () => {
    expect(statelintProblems(stockTrader.definition).join('\n')).toMatch(/"\$\{StockCheckerFunctionArn\}" but should be a URI/);
    expect(lint(deployed).unexcused).toEqual([]);
  });

  it('statelint still reports a real error in a machine that has an excused complaint', () => {
    const buckets = structuredClone(emitted.find((machine) => machine.name === '001-2-dynamic-3-buckets')!.definition) as any;
    delete buckets.States.Publish.End;
    const { excused, unexcused } = lint(buckets);
    expect(excused.size).toBe(1);
    expect(unexcused.join('\n')).toMatch(/Publish/);
  });

  it('an exception only excuses the value it is about: "$.a b" is not excused', () => {
    const buckets = structuredClone(emitted.find((machine) => machine.name === '001-2-dynamic-3-buckets')!.definition) as any;
    buckets.States.Parallel.Branches[1].States.ListObject1.InputPath = '$.a b';
    expect(lint(buckets).unexcused).toHaveLength(1);
  });
});

describe('substitute()', () => {
  it('fills the seed placeholders with well-formed values', () => {
    expect(substitutionValue('LambdaFunction')).toBe('arn:aws:lambda:us-east-1:123456789012:function:LambdaFunction');
    expect(substitutionValue('StockCheckerFunctionArn')).toBe('arn:aws:lambda:us-east-1:123456789012:function:StockCheckerFunctionArn');
    expect(substitutionValue('DDBPutItem')).toBe('arn:aws:states:::dynamodb:putItem');
    expect(substitutionValue('DDBTable')).toBe('typestep-ddbtable');
  });

  it('prefers a declared default, and refuses a placeholder it has no rule for', () => {
    expect(substitutionValue('Anything', { Anything: { description: null, default: 'arn:aws:sns:us-east-1:1:t' } })).toBe('arn:aws:sns:us-east-1:1:t');
    expect(() => substitutionValue('Mystery')).toThrow(/no rule/);
  });

  it('replaces inside longer strings and leaves the input untouched', () => {
    const input = { A: 'x-${DDBTable}-y', B: ['${LambdaFunction}'] };
    expect(substitute(input)).toEqual({ A: 'x-typestep-ddbtable-y', B: ['arn:aws:lambda:us-east-1:123456789012:function:LambdaFunction'] });
    expect(input.A).toBe('x-${DDBTable}-y');
  });
});
