import { spawnSync } from 'node:child_process';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { INTERRUPTED, Store } from '../../src/store/store.js';
import type { StoredStateMachine } from '../../src/store/records.js';
import { cleanup, tempDir } from './support/temp-dirs.js';

afterAll(cleanup);

const T0 = new Date('2024-01-01T00:00:00.000Z');
const RESTART = new Date('2024-01-02T00:00:00.000Z');
const open = (dataDir: string, now = T0) => Store.open({ dataDir, now: () => now });

const machine = (name: string): StoredStateMachine => ({
  arn: `arn:aws:states:us-east-1:123456789012:stateMachine:${name}`,
  name,
  type: 'STANDARD',
  definition: '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}',
  roleArn: 'arn:aws:iam::123456789012:role/r',
  creationDate: T0,
  updateDate: T0,
  revisionId: 'r1',
  tags: [{ key: 'team', value: 'a' }],
});

function startWithEvent(store: Store, stateMachine: StoredStateMachine, name: string) {
  const arn = `${stateMachine.arn.replace(':stateMachine:', ':execution:')}:${name}`;
  store.startExecution({ arn, stateMachineArn: stateMachine.arn, name, input: '{"n":1}', startDate: T0 });
  store.appendEvent(arn, { id: 1, timestamp: T0, type: 'ExecutionStarted', executionStartedEventDetails: { input: '{"n":1}', roleArn: stateMachine.roleArn } });
  return arn;
}

describe('Store with a data folder', () => {
  it('gives back after a reopen every machine, execution and event, with dates as dates', async () => {
    const dataDir = await tempDir();
    const store = open(dataDir);
    const sm = machine('Kept');
    store.saveStateMachine(sm);
    const arn = startWithEvent(store, sm, 'done');
    store.appendEvent(arn, { id: 2, previousEventId: 1, timestamp: T0, type: 'ExecutionSucceeded', executionSucceededEventDetails: { output: '{"ok":true}' } });
    store.endExecution(arn, { status: 'SUCCEEDED', stopDate: T0, output: '{"ok":true}' });
    store.close();

    const reopened = open(dataDir, RESTART);
    expect(reopened.stateMachines()).toEqual([sm]);
    const execution = reopened.execution(arn)!;
    expect(execution).toMatchObject({ status: 'SUCCEEDED', stopDate: T0, output: '{"ok":true}', input: '{"n":1}', startDate: T0 });
    expect(execution.events.map((event) => [event.id, event.type, event.timestamp])).toEqual([
      [1, 'ExecutionStarted', T0],
      [2, 'ExecutionSucceeded', T0],
    ]);
    reopened.close();
  });

  it('closes an execution the previous process left RUNNING as FAILED (States.Runtime), with an ExecutionFailed event', async () => {
    const dataDir = await tempDir();
    const store = open(dataDir);
    const sm = machine('Interrupted');
    store.saveStateMachine(sm);
    const arn = startWithEvent(store, sm, 'cut-off');
    // No close(): as after a kill, the journal simply ends here.

    const reopened = Store.open({ dataDir: await copyOf(dataDir), now: () => RESTART });
    const execution = reopened.execution(arn)!;
    expect(execution).toMatchObject({ status: 'FAILED', stopDate: RESTART, ...INTERRUPTED });
    expect(execution.events.at(-1)).toEqual({ id: 2, previousEventId: 1, timestamp: RESTART, type: 'ExecutionFailed', executionFailedEventDetails: INTERRUPTED });
    reopened.close();
    store.close();
  });

  it('drops a torn last line (the record a killed process was writing)', async () => {
    const dataDir = await tempDir();
    const store = open(dataDir);
    store.saveStateMachine(machine('BeforeTear'));
    store.close();
    await appendFile(join(dataDir, 'journal.jsonl'), '{"kind":"stateMachineSaved","stateMa');
    const reopened = open(dataDir);
    expect(reopened.stateMachines().map((sm) => sm.name)).toEqual(['BeforeTear']);
    reopened.close();
    // The compacted journal no longer holds the torn line.
    expect(await readFile(join(dataDir, 'journal.jsonl'), 'utf8')).not.toContain('stateMa\n');
  });

  it('refuses a damaged journal, naming the file and line', async () => {
    const dataDir = await tempDir();
    await writeFile(join(dataDir, 'journal.jsonl'), '{"kind":"journal","version":1}\nnot json\n{"kind":"journal","version":1}\n');
    expect(() => open(dataDir)).toThrow(`${join(dataDir, 'journal.jsonl')}:2: not valid JSON`);
    await writeFile(join(dataDir, 'journal.jsonl'), '{"kind":"journal","version":2}\n');
    expect(() => open(dataDir)).toThrow(/journal\.jsonl:1: not a journal record .*move it away/);
    // The refused folder is not left locked.
    await writeFile(join(dataDir, 'journal.jsonl'), '');
    open(dataDir).close();
  });

  it('compacts the journal on open: a deleted machine and its executions leave no trace', async () => {
    const dataDir = await tempDir();
    const store = open(dataDir);
    const sm = machine('Gone');
    store.saveStateMachine(sm);
    const arn = startWithEvent(store, sm, 'e');
    store.endExecution(arn, { status: 'ABORTED', stopDate: T0 });
    store.saveStateMachine(machine('Stays'));
    store.deleteStateMachine(sm.arn);
    expect(store.execution(arn)).toBeUndefined();
    store.close();
    open(dataDir).close();
    const text = await readFile(join(dataDir, 'journal.jsonl'), 'utf8');
    expect(text).not.toContain('Gone');
    expect(text.trim().split('\n')).toHaveLength(2);
  });

  it('lets one endpoint at a time use a data folder, and takes over the lock of a process that has died', async () => {
    const dataDir = await tempDir();
    const store = open(dataDir);
    expect(() => open(dataDir)).toThrow(`The data folder ${dataDir} is in use by another local endpoint (process ${process.pid})`);
    store.close();
    open(dataDir).close();

    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    await writeFile(join(dataDir, 'endpoint.pid'), `${dead}\n`);
    const takenOver = open(dataDir);
    expect((await readFile(join(dataDir, 'endpoint.pid'), 'utf8')).trim()).toBe(String(process.pid));
    takenOver.close();
  });
});

describe('Store without a data folder', () => {
  it('keeps everything in memory', () => {
    const store = Store.open({ now: () => T0 });
    store.saveStateMachine(machine('InMemory'));
    expect(store.stateMachine(machine('InMemory').arn)).toEqual(machine('InMemory'));
    store.close();
  });
});

/** A copy of a data folder whose journal is still open in this process (as if its owner was killed). */
async function copyOf(dataDir: string): Promise<string> {
  const copy = await tempDir();
  await writeFile(join(copy, 'journal.jsonl'), await readFile(join(dataDir, 'journal.jsonl')));
  return copy;
}
