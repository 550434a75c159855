import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  DescribeStateMachineCommand,
  InvalidArn,
  InvalidDefinition,
  InvalidName,
  InvalidToken,
  ListStateMachinesCommand,
  ListTagsForResourceCommand,
  MissingRequiredParameter,
  ResourceNotFound,
  StateMachineAlreadyExists,
  StateMachineDoesNotExist,
  TagResourceCommand,
  TooManyTags,
  UntagResourceCommand,
  UpdateStateMachineCommand,
  ValidateStateMachineDefinitionCommand,
  ValidationException,
  type SFNClient,
} from '@aws-sdk/client-sfn';
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STOCK_TRADER_SUBSTITUTIONS } from './support/seed-handlers.js';
import { cleanup, PASS_DEFINITION, REFERENCE_ASL, referenceDefinition, ROLE_ARN, startTestEndpoint, type TestEndpoint } from './support/endpoint.js';

const ARN_PREFIX = 'arn:aws:states:us-east-1:123456789012:stateMachine:';

/** Values for every placeholder the seed machines use, as `typestep push` would substitute them. */
const SEED_SUBSTITUTIONS = { ...STOCK_TRADER_SUBSTITUTIONS, LambdaFunction: 'arn:aws:lambda:us-east-1:123456789012:function:image' };

let test: TestEndpoint;
let sfn: SFNClient;
beforeAll(async () => {
  test = await startTestEndpoint();
  sfn = test.sfn;
});
afterAll(async () => {
  await test.close();
  await cleanup();
});

const create = (name: string, definition = PASS_DEFINITION, extra: Partial<{ type: 'STANDARD' | 'EXPRESS'; tags: { key: string; value: string }[] }> = {}) =>
  sfn.send(new CreateStateMachineCommand({ name, definition, roleArn: ROLE_ARN, ...extra }));

describe('CreateStateMachine, DescribeStateMachine, ListStateMachines', () => {
  it('creates every seed machine (placeholders substituted) and describes each as it was given', async () => {
    const files = (await readdir(REFERENCE_ASL)).filter((file) => file.endsWith('.asl.json')).sort();
    expect(files).toHaveLength(9);
    for (const file of files) {
      const name = `seed-${file.replace('.asl.json', '')}`;
      const definition = await referenceDefinition(file, SEED_SUBSTITUTIONS);
      const created = await create(name, definition);
      expect(created.stateMachineArn).toBe(`${ARN_PREFIX}${name}`);
      expect(created.creationDate).toBeInstanceOf(Date);

      const described = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: created.stateMachineArn }));
      expect(described).toMatchObject({
        stateMachineArn: created.stateMachineArn,
        name,
        status: 'ACTIVE',
        definition,
        roleArn: ROLE_ARN,
        type: 'STANDARD',
        creationDate: created.creationDate,
        loggingConfiguration: { level: 'OFF', includeExecutionData: false },
        tracingConfiguration: { enabled: false },
      });
    }

    // Pages of 4: every seed machine exactly once, in creation order.
    const names: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await sfn.send(new ListStateMachinesCommand({ maxResults: 4, nextToken }));
      expect(page.stateMachines!.length).toBeLessThanOrEqual(4);
      names.push(...page.stateMachines!.filter((machine) => machine.name!.startsWith('seed-')).map((machine) => machine.name!));
      nextToken = page.nextToken;
      pages++;
    } while (nextToken);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(names).toEqual(files.map((file) => `seed-${file.replace('.asl.json', '')}`));
  });

  it('is idempotent for the same definition and refuses another one under the same name', async () => {
    const first = await create('Idempotent');
    const again = await create('Idempotent');
    expect(again).toMatchObject({ stateMachineArn: first.stateMachineArn, creationDate: first.creationDate });
    const other = JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Succeed' } } });
    await expect(create('Idempotent', other)).rejects.toBeInstanceOf(StateMachineAlreadyExists);
    await expect(create('Idempotent', PASS_DEFINITION, { type: 'EXPRESS' })).rejects.toThrow(/State Machine Already Exists: 'arn:aws:states:us-east-1:123456789012:stateMachine:Idempotent'/);
  });

  it('refuses a definition that breaks the compiler rules with InvalidDefinition, naming the problem and its place', async () => {
    const dangling = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nowhere' } } });
    const error = await create('Dangling', dangling).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidDefinition);
    expect((error as Error).message).toMatch(/^Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: STEP104: .*"Nowhere".* at \/States\/A\/Next'/);
    expect((error as InvalidDefinition).$metadata.httpStatusCode).toBe(400);

    await expect(create('NotJson', '{"StartAt": "A",')).rejects.toThrow(/INVALID_JSON_DESCRIPTION: STEP200/);
    await expect(create('NoStates', '{"StartAt": "A"}')).rejects.toBeInstanceOf(InvalidDefinition);
    await expect(sfn.send(new DescribeStateMachineCommand({ stateMachineArn: `${ARN_PREFIX}Dangling` }))).rejects.toBeInstanceOf(StateMachineDoesNotExist);
  });

  it('checks names, role ARNs and the request shape as AWS does', async () => {
    await expect(create('has space')).rejects.toBeInstanceOf(InvalidName);
    await expect(create('semi;colon')).rejects.toThrow(/Invalid Name: 'semi;colon': ";" is not allowed in state machine names/);
    await expect(create('x'.repeat(81))).rejects.toBeInstanceOf(ValidationException);
    await expect(create('x'.repeat(81))).rejects.toThrow(/Value '.*' at 'name' failed to satisfy constraint: Member must have length less than or equal to 80/);
    await expect(sfn.send(new CreateStateMachineCommand({ name: 'NoDefinition', roleArn: ROLE_ARN } as never))).rejects.toThrow(
      /1 validation error detected: Value null at 'definition' failed to satisfy constraint: Member must not be null/,
    );
    await expect(sfn.send(new CreateStateMachineCommand({ name: 'BadRole', definition: PASS_DEFINITION, roleArn: 'not-a-role' }))).rejects.toBeInstanceOf(InvalidArn);
    await expect(create('BadType', PASS_DEFINITION, { type: 'SLOW' as never })).rejects.toThrow(/Member must satisfy enum value set: \[STANDARD, EXPRESS\]/);
    expect(await create('x'.repeat(80))).toMatchObject({ stateMachineArn: `${ARN_PREFIX}${'x'.repeat(80)}` });
  });
});

describe('UpdateStateMachine and DeleteStateMachine', () => {
  it('updates the definition and role, with a new revision id', async () => {
    const { stateMachineArn } = await create('Updated');
    const before = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn }));
    const definition = JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Succeed' } } });
    const roleArn = 'arn:aws:iam::123456789012:role/another';
    const updated = await sfn.send(new UpdateStateMachineCommand({ stateMachineArn, definition, roleArn }));
    expect(updated.updateDate).toBeInstanceOf(Date);
    expect(updated.revisionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(updated.revisionId).not.toBe(before.revisionId);
    expect(await sfn.send(new DescribeStateMachineCommand({ stateMachineArn }))).toMatchObject({ definition, roleArn, revisionId: updated.revisionId, creationDate: before.creationDate });
  });

  it('refuses an invalid definition, an empty update and an unknown machine', async () => {
    const { stateMachineArn } = await create('UpdateErrors');
    await expect(sfn.send(new UpdateStateMachineCommand({ stateMachineArn, definition: '{"StartAt": "A", "States": {}}' }))).rejects.toBeInstanceOf(InvalidDefinition);
    await expect(sfn.send(new UpdateStateMachineCommand({ stateMachineArn }))).rejects.toBeInstanceOf(MissingRequiredParameter);
    await expect(sfn.send(new UpdateStateMachineCommand({ stateMachineArn: `${ARN_PREFIX}Missing`, definition: PASS_DEFINITION }))).rejects.toBeInstanceOf(StateMachineDoesNotExist);
    expect((await sfn.send(new DescribeStateMachineCommand({ stateMachineArn }))).definition).toBe(PASS_DEFINITION);
  });

  it('deletes a machine; deleting it again succeeds, as in AWS', async () => {
    const { stateMachineArn } = await create('Deleted');
    await sfn.send(new DeleteStateMachineCommand({ stateMachineArn }));
    await expect(sfn.send(new DescribeStateMachineCommand({ stateMachineArn }))).rejects.toThrow(`State Machine Does Not Exist: '${stateMachineArn}'`);
    await expect(sfn.send(new DeleteStateMachineCommand({ stateMachineArn }))).resolves.toBeDefined();
    const listed = await sfn.send(new ListStateMachinesCommand({ maxResults: 1000 }));
    expect(listed.stateMachines!.map((machine) => machine.name)).not.toContain('Deleted');
  });

  it('tells a malformed ARN (InvalidArn) from one that names nothing (StateMachineDoesNotExist)', async () => {
    await expect(sfn.send(new DescribeStateMachineCommand({ stateMachineArn: 'arn:nonsense' }))).rejects.toBeInstanceOf(InvalidArn);
    await expect(sfn.send(new DescribeStateMachineCommand({ stateMachineArn: 'arn:aws:states:us-east-1:123456789012:execution:A:b' }))).rejects.toThrow(
      /Resource type not valid in this context: execution/,
    );
    await expect(sfn.send(new DescribeStateMachineCommand({ stateMachineArn: `${ARN_PREFIX}Missing` }))).rejects.toBeInstanceOf(StateMachineDoesNotExist);
    await expect(sfn.send(new DeleteStateMachineCommand({ stateMachineArn: 'arn:nonsense' }))).rejects.toBeInstanceOf(InvalidArn);
  });
});

describe('ListStateMachines pagination', () => {
  it('refuses a token it did not issue', async () => {
    await expect(sfn.send(new ListStateMachinesCommand({ nextToken: 'garbage' }))).rejects.toBeInstanceOf(InvalidToken);
  });
});

describe('ValidateStateMachineDefinition', () => {
  it('returns OK and no diagnostics for a valid definition', async () => {
    expect(await sfn.send(new ValidateStateMachineDefinitionCommand({ definition: PASS_DEFINITION }))).toMatchObject({ result: 'OK', diagnostics: [], truncated: false });
  });

  it("returns FAIL with AWS's diagnostic shape, limited by maxResults", async () => {
    const broken = JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'X' }, B: { Type: 'Pass', Next: 'Y' }, C: { Type: 'Wait', End: true } } });
    const all = await sfn.send(new ValidateStateMachineDefinitionCommand({ definition: broken }));
    expect(all.result).toBe('FAIL');
    expect(all.diagnostics!.length).toBeGreaterThanOrEqual(3);
    for (const diagnostic of all.diagnostics!) {
      expect(diagnostic).toEqual({ severity: 'ERROR', code: expect.stringMatching(/^[A-Z_]+$/), message: expect.stringMatching(/^STEP\d{3}: /), location: expect.stringMatching(/^\//) });
    }
    expect(all.diagnostics).toContainEqual(expect.objectContaining({ code: 'MISSING_TRANSITION_TARGET', location: '/States/A/Next' }));
    const one = await sfn.send(new ValidateStateMachineDefinitionCommand({ definition: broken, maxResults: 1 }));
    expect(one).toMatchObject({ result: 'FAIL', truncated: true });
    expect(one.diagnostics).toHaveLength(1);
  });
});

describe('TagResource, UntagResource, ListTagsForResource', () => {
  it('keeps tags given on create, adds, overwrites and removes them', async () => {
    const { stateMachineArn } = await create('Tagged', PASS_DEFINITION, { tags: [{ key: 'team', value: 'a' }] });
    const resourceArn = stateMachineArn!;
    await sfn.send(new TagResourceCommand({ resourceArn, tags: [{ key: 'team', value: 'b' }, { key: 'env', value: 'dev' }] }));
    expect((await sfn.send(new ListTagsForResourceCommand({ resourceArn }))).tags).toEqual([
      { key: 'team', value: 'b' },
      { key: 'env', value: 'dev' },
    ]);
    await sfn.send(new UntagResourceCommand({ resourceArn, tagKeys: ['team', 'absent'] }));
    expect((await sfn.send(new ListTagsForResourceCommand({ resourceArn }))).tags).toEqual([{ key: 'env', value: 'dev' }]);
  });

  it('answers ResourceNotFound and TooManyTags with the resource name', async () => {
    const resourceArn = `${ARN_PREFIX}Untaggable`;
    const missing = await sfn.send(new ListTagsForResourceCommand({ resourceArn })).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ResourceNotFound);
    expect(missing).toMatchObject({ resourceName: resourceArn });

    const { stateMachineArn } = await create('TooManyTags');
    const tags = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    const tooMany = await sfn.send(new TagResourceCommand({ resourceArn: stateMachineArn, tags })).catch((e: unknown) => e);
    expect(tooMany).toBeInstanceOf(TooManyTags);
    expect(tooMany).toMatchObject({ resourceName: stateMachineArn });
    expect((await sfn.send(new ListTagsForResourceCommand({ resourceArn: stateMachineArn }))).tags).toEqual([]);
  });
});

describe('region, account and versions', () => {
  it('makes ARNs in the configured region and account', async () => {
    const other = await startTestEndpoint({ region: 'eu-west-1', account: '111122223333' });
    try {
      const { stateMachineArn } = await other.sfn.send(new CreateStateMachineCommand({ name: 'Elsewhere', definition: PASS_DEFINITION, roleArn: ROLE_ARN }));
      expect(stateMachineArn).toBe('arn:aws:states:eu-west-1:111122223333:stateMachine:Elsewhere');
    } finally {
      await other.close();
    }
  });

  it('refuses to publish versions, which the local endpoint does not keep', async () => {
    await expect(sfn.send(new CreateStateMachineCommand({ name: 'Versioned', definition: PASS_DEFINITION, roleArn: ROLE_ARN, publish: true }))).rejects.toThrow(
      /does not publish state machine versions/,
    );
    await expect(sfn.send(new DescribeStateMachineCommand({ stateMachineArn: `${ARN_PREFIX}Versioned:1` }))).rejects.toThrow(/no state machine versions or aliases/);
  });
});

