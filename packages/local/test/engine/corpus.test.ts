import { describe, expect, it } from 'vitest';
import { InvalidDefinition, runWorkflow } from '../../src/index.js';
import { loadDefinition } from '../../src/engine/load-definition.js';
import { corpus } from './support/shared-files.js';

/** The real-world corpus (../shared/corpus): every definition loads, and those without Task states run. */

const entries = corpus();
const byName = (fragment: string) => entries.find((entry) => entry.file.includes(fragment))!.text;

describe('loading', () => {
  it('reads all 182 definitions of the index', () => {
    expect(entries).toHaveLength(182);
  });

  it.each(entries.filter((entry) => entry.valid).map((entry) => [entry.file, entry] as const))('loads %s', (_file, entry) => {
    const { definition } = loadDefinition(entry.text);
    expect(Object.keys(definition.States).length).toBeGreaterThan(0);
  });

  it.each(entries.filter((entry) => !entry.valid).map((entry) => [entry.file, entry] as const))(
    "rejects %s with the compiler's diagnostics",
    async (_file, entry) => {
      const run = runWorkflow(entry.text);
      await expect(run).rejects.toBeInstanceOf(InvalidDefinition);
      await expect(run).rejects.toThrow(/STEP\d{3}/);
    },
  );
});

describe('running the definitions without Task states', () => {
  it('finds exactly the three Task-free definitions', () => {
    expect(entries.filter((entry) => entry.valid && !entry.stateTypes.includes('Task')).map((entry) => entry.file)).toEqual([
      'step-functions-workflows-collection__either-or-parallel-pattern__statemachine__statemachine.json',
      'step-functions-workflows-collection__path-based-on-data__statemachine__statemachine.json',
      'aws-stepfunctions-examples__sam__app-decompose-for-parallelism__statemachine__runner-simplewait.json',
    ]);
  });

  describe('either-or-parallel: the first of three Parallel branches to fail decides', () => {
    const definition = byName('either-or-parallel-pattern');
    it.each([
      [{ Process1ToComplete: true }, 'Next Step If Process1 Completes', 'States.FauxFailure1', 0],
      [{ Process2ToComplete: true }, 'Next Step if Process 2 Completes', 'States.FauxFailure2', 0],
      [{}, 'Next Step if Process Ran out of time', 'States.RanOutOfTime', 15_000],
    ])('input %j goes to "%s"', async (input, last, error, elapsed) => {
      const result = await runWorkflow(definition, { input });
      expect(result.status).toBe('SUCCEEDED');
      expect(result.output).toEqual({ Error: error, Cause: '' });
      expect(result.events.filter((e) => e.type === 'PassStateEntered').at(-1)?.stateEnteredEventDetails?.name).toBe(last);
      expect(result.stopDate.getTime() - result.startDate.getTime()).toBe(elapsed);
      // The branches still polling were stopped when the first one failed.
      expect(result.events.some((e) => e.type === 'ParallelStateFailed')).toBe(true);
    });
  });

  describe('path-based-on-data: Choice with Not, And and numeric rules', () => {
    const definition = byName('path-based-on-data');
    it.each([
      [{ type: 'Public' }, 'NEXT_STATE_ONE'],
      [{ type: 'Private', value: 0 }, 'NEXT_STATE_TWO'],
      [{ type: 'Private', value: 25 }, 'NEXT_STATE_TWO'],
      [{ type: 'Private', value: 30 }, 'DEFAULT_STATE'],
      [{ type: 'Private', value: 'zero' }, 'DEFAULT_STATE'],
    ])('input %j goes to %s', async (input, state) => {
      const result = await runWorkflow(definition, { input });
      expect(result).toMatchObject({ status: 'SUCCEEDED', output: input });
      expect(result.events.at(-3)?.stateEnteredEventDetails?.name).toBe(state);
    });

    it('fails with States.Runtime when a rule reads a field the input lacks', async () => {
      const result = await runWorkflow(definition, { input: { type: 'Private' } });
      expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
      expect(result.cause).toContain("Invalid path '$.value'");
    });
  });

  describe('runner-simplewait: waits for the requested or default seconds', () => {
    const definition = byName('runner-simplewait');
    it.each([
      [{}, { 'test-input': { 'delay-seconds': 5 } }, 5_000],
      [{ 'test-input': { 'delay-seconds': 90 } }, { 'test-input': { 'delay-seconds': 90 } }, 90_000],
      [{ 'test-input': { 'delay-seconds': 'soon' } }, { 'test-input': { 'delay-seconds': 5 } }, 5_000],
    ])('input %j', async (input, output, elapsed) => {
      const result = await runWorkflow(definition, { input });
      expect(result).toMatchObject({ status: 'SUCCEEDED', output });
      expect(result.stopDate.getTime() - result.startDate.getTime()).toBe(elapsed);
    });
  });
});
