import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCAL_ROLE_ARN } from '../../src/aws/aws-options.js';
import { cleanup, tempDir, tempProject, writeFiles } from '../support/run-cli.js';
import { stubAwsEnvironment } from './support/aws-environment.js';
import { awsError, fakeStepFunctions, type FakeAnswer } from './support/fake-step-functions.js';
import { startEndpoint } from './support/local-endpoint.js';
import { personAtTerminal, typestep } from './support/typestep.js';

const ROLE = 'arn:aws:iam::123456789012:role/typestep-test';
const ARN = (name: string) => `arn:aws:states:us-east-1:123456789012:stateMachine:${name}`;

const GREETER = `import { sub, workflow } from '@typestep/dsl';

export default workflow('Greeter', { substitutions: { Greeting: { description: 'what to say', default: 'hello' } } })
  .pass('Greet', { parameters: () => ({ greeting: '\${Greeting}', table: sub('Table') }) });
`;

let endpoint: Awaited<ReturnType<typeof startEndpoint>>;
let project: string;
/** `typestep …argv --endpoint-url <the endpoint>` in the test project. */
const at = (argv: readonly string[], terminal?: ReturnType<typeof personAtTerminal>) =>
  typestep([...argv, '--endpoint-url', endpoint.url], { cwd: project, ...(terminal && { terminal }) });

/** What the endpoint has deployed under a name, read with describe --output json. */
async function deployed(name: string) {
  const result = await at(['describe', name, '--output', 'json']);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as { definition: string; roleArn: string; revisionId: string; type: string; tracingConfiguration: { enabled: boolean }; loggingConfiguration: unknown };
}

beforeAll(async () => {
  endpoint = await startEndpoint();
});
afterAll(async () => {
  await endpoint.close();
  await cleanup();
});
beforeEach(async () => {
  stubAwsEnvironment();
  project = await tempProject({ 'greeter.workflow.ts': GREETER });
  // A fresh endpoint state for each test: delete what an earlier test pushed.
  for (const name of ['Greeter', 'Broken', 'Orders']) await at(['delete', name, '--yes']);
});
afterEach(() => vi.unstubAllEnvs());

describe('typestep push: placeholders', () => {
  it('lists every placeholder without a value and calls no API', async () => {
    const aws = await fakeStepFunctions(() => ({ body: {} }));
    try {
      const result = await typestep(['push', '--endpoint-url', aws.url], { cwd: project });
      expect(result).toMatchObject({ code: 2, stdout: '' });
      expect(result.stderr).toBe(
        'typestep push: placeholders without a value; nothing was pushed:\n' +
          '  Greeter (out/asl/Greeter.asl.json): ${Table}\n' +
          'Give each a value with --sub Name=value, with an environment variable of the same name (Name=value typestep push), or in typestep.config.json as "stages": { "<stage>": { "substitutions": { "Name": "value" } } } with --stage <stage>.\n',
      );
      expect(aws.requests).toEqual([]);
    } finally {
      await aws.close();
    }
  });

  it('takes values from --sub, then the environment, then the stage, then the declared default', async () => {
    await writeFiles(project, {
      'typestep.config.json': JSON.stringify({ stages: { prod: { roleArn: ROLE, substitutions: { Table: 'prod-table', Greeting: 'from stage' } } } }),
    });
    vi.stubEnv('Greeting', 'from env');
    const created = await at(['push', '--stage', 'prod', '--sub', 'Table=flag-table']);
    expect(created).toMatchObject({ code: 0, stderr: '', stdout: `Greeter: created ${ARN('Greeter')}\n` });
    const machine = await deployed('Greeter');
    expect(JSON.parse(machine.definition).States.Greet.Parameters).toEqual({ greeting: 'from env', table: 'flag-table' });
    expect(machine.roleArn).toBe(ROLE);

    vi.stubEnv('Greeting', undefined);
    const fromStage = await at(['push', '--stage', 'prod', '--yes']);
    expect(fromStage.code).toBe(0);
    expect(JSON.parse((await deployed('Greeter')).definition).States.Greet.Parameters).toEqual({ greeting: 'from stage', table: 'prod-table' });

    const fromDefault = await at(['push', '--sub', 'Table=t', '--yes']);
    expect(fromDefault.code).toBe(0);
    expect(JSON.parse((await deployed('Greeter')).definition).States.Greet.Parameters).toEqual({ greeting: 'hello', table: 't' });
  });

  it('warns about a --sub no workflow uses, and refuses an unknown stage', async () => {
    const result = await at(['push', '--sub', 'Table=t', '--sub', 'Tabel=x', '--role-arn', ROLE]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('typestep push: warning: --sub Tabel: no workflow pushed has a ${Tabel} placeholder\n');
    const stage = await at(['push', '--stage', 'prod']);
    expect(stage.code).toBe(2);
    expect(stage.stderr).toMatch(/^typestep: no stage "prod" in .*typestep\.config\.json \(there is none\): add one, e\.g\. "stages": \{ "prod": /);
  });
});

describe('typestep push: create, update, unchanged', () => {
  it('needs a role to create a state machine, and pushes nothing without one', async () => {
    const result = await at(['push', '--sub', 'Table=t']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `typestep: "Greeter" does not exist at ${endpoint.url} yet, and creating a state machine needs the IAM role it runs as: give --role-arn arn:aws:iam::<account>:role/<name>, or "roleArn" in the stage's section of typestep.config.json (with --stage); nothing was pushed\n`,
    );
    expect((await at(['describe', 'Greeter'])).code).toBe(1);
  });

  it('says "unchanged" for the same definition and makes no update', async () => {
    expect((await at(['push', '--sub', 'Table=t', '--role-arn', ROLE])).code).toBe(0);
    const before = await deployed('Greeter');
    const again = await at(['push', '--sub', 'Table=t']);
    expect(again).toMatchObject({ code: 0, stderr: '', stdout: `Greeter: unchanged ${ARN('Greeter')}\n` });
    expect((await deployed('Greeter')).revisionId).toBe(before.revisionId);
  });

  it('shows the diff, and updates only with --yes when no one is at a terminal', async () => {
    expect((await at(['push', '--sub', 'Table=old', '--role-arn', ROLE])).code).toBe(0);
    const before = await deployed('Greeter');

    const dryRun = await at(['push', '--sub', 'Table=new', '--dry-run']);
    const diff = ['Greeter: changes', '--- deployed Greeter', '+++ new Greeter', '@@ -5,7 +5,7 @@', '       "Type": "Pass",', '       "Parameters": {', '         "greeting": "hello",', '-        "table": "old"', '+        "table": "new"', '       },', '       "End": true', '     }', ''].join('\n');
    expect(dryRun).toMatchObject({ code: 0, stderr: '', stdout: `${diff}Greeter: would be updated ${ARN('Greeter')}\ndry run: nothing was pushed\n` });

    const refused = await at(['push', '--sub', 'Table=new']);
    expect(refused).toMatchObject({ code: 2, stdout: diff });
    expect(refused.stderr).toBe('typestep: "Greeter" differs from what is deployed (the changes are shown above): to update, run again with --yes; nothing was pushed\n');
    expect((await deployed('Greeter')).revisionId).toBe(before.revisionId);

    const updated = await at(['push', '--sub', 'Table=new', '--yes']);
    expect(updated).toMatchObject({ code: 0, stderr: '', stdout: `${diff}Greeter: updated ${ARN('Greeter')}\n` });
    expect(JSON.parse((await deployed('Greeter')).definition).States.Greet.Parameters.table).toBe('new');
  });

  it('asks at a terminal, and updates only on a yes', async () => {
    expect((await at(['push', '--sub', 'Table=old', '--role-arn', ROLE])).code).toBe(0);
    const no = personAtTerminal('n');
    const declined = await at(['push', '--sub', 'Table=new'], no);
    expect(no.questions).toEqual([`Update 1 state machine ("Greeter") at ${endpoint.url}? [y/N] `]);
    expect(declined).toMatchObject({ code: 1, stderr: 'typestep push: not confirmed; nothing was pushed\n' });
    expect(JSON.parse((await deployed('Greeter')).definition).States.Greet.Parameters.table).toBe('old');

    const yes = personAtTerminal('yes');
    expect((await at(['push', '--sub', 'Table=new'], yes)).code).toBe(0);
    expect(JSON.parse((await deployed('Greeter')).definition).States.Greet.Parameters.table).toBe('new');
  });

  it('a change of the workflow source shows up as a diff and an update', async () => {
    expect((await at(['push', '--sub', 'Table=t', '--role-arn', ROLE])).code).toBe(0);
    await writeFile(join(project, 'greeter.workflow.ts'), GREETER.replace("'Greet'", "'Say hello'"));
    const result = await at(['push', '--sub', 'Table=t', '--yes']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('-  "StartAt": "Greet",\n+  "StartAt": "Say hello",\n');
    expect(result.stdout).toContain(`Greeter: updated ${ARN('Greeter')}\n`);
    expect(Object.keys(JSON.parse((await deployed('Greeter')).definition).States)).toEqual(['Say hello']);
  });

  it('applies type, logging, tracing and tags; changes them on existing machines; refuses a type change', async () => {
    const logGroup = 'arn:aws:logs:us-east-1:123456789012:log-group:greeter:*';
    const created = await at(['push', '--sub', 'Table=t', '--role-arn', ROLE, '--type', 'EXPRESS', '--logging', 'ERROR', '--log-group', logGroup, '--tag', 'team=orders']);
    expect(created.code).toBe(0);
    const machine = await deployed('Greeter');
    expect(machine).toMatchObject({ type: 'EXPRESS', loggingConfiguration: { level: 'ERROR', includeExecutionData: false, destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: logGroup } }] } });

    const changed = await at(['push', '--sub', 'Table=t', '--tracing', '--tag', 'team=orders', '--tag', 'stage=dev', '--role-arn', 'arn:aws:iam::123456789012:role/other', '--yes']);
    expect(changed.stdout).toBe(
      `Greeter: changes\n  role: ${ROLE} → arn:aws:iam::123456789012:role/other\n  tracing: off → on\n  tags: stage=dev\nGreeter: updated ${ARN('Greeter')}\n`,
    );
    expect(await deployed('Greeter')).toMatchObject({ tracingConfiguration: { enabled: true }, roleArn: 'arn:aws:iam::123456789012:role/other' });
    const tags = await at(['push', '--sub', 'Table=t', '--tag', 'stage=dev', '--tracing']);
    expect(tags.stdout).toBe(`Greeter: unchanged ${ARN('Greeter')}\n`);

    const typeChange = await at(['push', '--sub', 'Table=t', '--type', 'STANDARD', '--yes']);
    expect(typeChange).toMatchObject({
      code: 1,
      stderr: 'typestep push: "Greeter" is deployed with type EXPRESS, and Step Functions cannot change the type of a state machine (to STANDARD): delete it first ("typestep delete Greeter") and push again\n',
    });
  });

  it('checks option combinations as AWS would, before anything else', async () => {
    const noGroup = await at(['push', '--logging', 'ALL']);
    expect(noGroup).toMatchObject({ code: 2, stderr: expect.stringContaining('--logging ALL needs --log-group') as unknown });
    const description = await at(['push', '--version-description', 'v1']);
    expect(description).toMatchObject({ code: 2, stderr: 'typestep: --version-description describes the version --publish publishes: add --publish\n' });
  });

  it('--output json reports each workflow with its action and diff', async () => {
    const created = await at(['push', '--sub', 'Table=a', '--role-arn', ROLE, '--output', 'json']);
    expect(JSON.parse(created.stdout)).toEqual({
      dryRun: false,
      workflows: [{ name: 'Greeter', file: 'out/asl/Greeter.asl.json', action: 'created', stateMachineArn: ARN('Greeter'), changes: [], diff: null }],
    });
    const planned = JSON.parse((await at(['push', '--sub', 'Table=b', '--dry-run', '--output', 'json'])).stdout) as { workflows: { action: string; diff: string }[] };
    expect(planned.workflows[0]).toMatchObject({ action: 'update', diff: expect.stringContaining('-        "table": "a"\n+        "table": "b"') as unknown });
  });
});

describe('typestep push FILE.asl.json', () => {
  it('pushes a hand-written definition, named after its file, with its substitutions file', async () => {
    const dir = await tempDir();
    await writeFiles(dir, {
      'Orders.asl.json': '{"StartAt":"Put","States":{"Put":{"Type":"Pass","Result":"${Table}","End":true}}}',
      'Orders.substitutions.json': '{ "Table": { "description": null, "default": "orders" } }',
    });
    const result = await typestep(['push', 'Orders.asl.json', '--role-arn', ROLE, '--endpoint-url', endpoint.url], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stderr: '', stdout: `Orders: created ${ARN('Orders')}\n` });
    expect((await deployed('Orders')).definition).toBe('{"StartAt":"Put","States":{"Put":{"Type":"Pass","Result":"orders","End":true}}}');
  });

  it('reports a definition Step Functions rejects (InvalidDefinition), naming the workflow and file', async () => {
    const dir = await tempDir();
    await writeFiles(dir, { 'Broken.asl.json': '{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nowhere"}}}' });
    const result = await typestep(['push', 'Broken.asl.json', '--role-arn', ROLE, '--endpoint-url', endpoint.url], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^typestep push: Step Functions rejected the definition of "Broken" \(Broken\.asl\.json\): InvalidDefinition: Invalid State Machine Definition: .*MISSING_TRANSITION_TARGET.*Nowhere/);
    expect((await at(['describe', 'Broken'])).code).toBe(1);
  });

  it('an unknown workflow name or an unreadable file is a usage error', async () => {
    const unknown = await at(['push', 'Nope', '--sub', 'Table=t']);
    expect(unknown).toMatchObject({ code: 2, stderr: 'typestep: the project has no workflow named "Nope" (its workflows: "Greeter"); to push an ASL file, give its path ending in .json\n' });
    const missing = await at(['push', 'missing.asl.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^typestep: cannot read missing\.asl\.json: ENOENT/);
  });
});

describe('typestep push --publish --alias', () => {
  it('the local endpoint keeps no versions: the refusal is reported as it is', async () => {
    const result = await at(['push', '--sub', 'Table=t', '--role-arn', ROLE, '--publish']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('typestep push: ValidationException: The local endpoint does not publish state machine versions: leave out "publish" (or set it to false).\n');
  });

  it('publishes a version with its description and points the alias at it (requests as AWS receives them)', async () => {
    const versionArn = `${ARN('Greeter')}:1`;
    const aliasArn = `${ARN('Greeter')}:live`;
    const answers: Record<string, FakeAnswer> = {
      ListStateMachines: { body: { stateMachines: [] } },
      CreateStateMachine: { body: { stateMachineArn: ARN('Greeter'), creationDate: 1, stateMachineVersionArn: versionArn } },
      DescribeStateMachineAlias: awsError('ResourceNotFound', 'Resource not found'),
      CreateStateMachineAlias: { body: { stateMachineAliasArn: aliasArn, creationDate: 1 } },
    };
    const aws = await fakeStepFunctions((action) => answers[action] ?? awsError('UnknownOperationException', action));
    try {
      const result = await typestep(['push', '--sub', 'Table=t', '--role-arn', ROLE, '--version-description', 'first', '--alias', 'live', '--endpoint-url', aws.url], { cwd: project });
      expect(result).toMatchObject({ code: 0, stderr: '', stdout: `Greeter: created ${ARN('Greeter')}\n  version ${versionArn}\n  alias ${aliasArn} → ${versionArn}\n` });
      expect(aws.requests.map((r) => r.action)).toEqual(['ListStateMachines', 'CreateStateMachine', 'DescribeStateMachineAlias', 'CreateStateMachineAlias']);
      expect(aws.requests[1]!.body).toMatchObject({ name: 'Greeter', roleArn: ROLE, publish: true, versionDescription: 'first' });
      expect(aws.requests[3]!.body).toEqual({ name: 'live', routingConfiguration: [{ stateMachineVersionArn: versionArn, weight: 100 }] });
    } finally {
      await aws.close();
    }
  });

  it('an unchanged state machine publishes with PublishStateMachineVersion (no update) and moves the alias', async () => {
    const definition = JSON.parse(await buildGreeter()) as object;
    const versionArn = `${ARN('Greeter')}:2`;
    const answers: Record<string, FakeAnswer> = {
      ListStateMachines: { body: { stateMachines: [{ stateMachineArn: ARN('Greeter'), name: 'Greeter', type: 'STANDARD', creationDate: 1 }] } },
      DescribeStateMachine: { body: { stateMachineArn: ARN('Greeter'), name: 'Greeter', definition: JSON.stringify(definition), roleArn: ROLE, type: 'STANDARD', creationDate: 1 } },
      PublishStateMachineVersion: { body: { stateMachineVersionArn: versionArn, creationDate: 1 } },
      DescribeStateMachineAlias: { body: { name: 'live', routingConfiguration: [{ stateMachineVersionArn: `${ARN('Greeter')}:1`, weight: 100 }] } },
      UpdateStateMachineAlias: { body: { updateDate: 1 } },
    };
    const aws = await fakeStepFunctions((action) => answers[action] ?? awsError('UnknownOperationException', action));
    try {
      const result = await typestep(['push', '--sub', 'Table=t', '--alias', 'live', '--endpoint-url', aws.url], { cwd: project });
      expect(result.stdout).toBe(`Greeter: unchanged ${ARN('Greeter')}\n  version ${versionArn}\n  alias ${ARN('Greeter')}:live → ${versionArn}\n`);
      expect(aws.requests.map((r) => r.action)).toEqual(['ListStateMachines', 'DescribeStateMachine', 'PublishStateMachineVersion', 'DescribeStateMachineAlias', 'UpdateStateMachineAlias']);
      expect(aws.requests[4]!.body).toEqual({ stateMachineAliasArn: `${ARN('Greeter')}:live`, routingConfiguration: [{ stateMachineVersionArn: versionArn, weight: 100 }] });
    } finally {
      await aws.close();
    }
  });
});

/** The Greeter's definition as built, with Table=t. */
async function buildGreeter(): Promise<string> {
  const out = await tempDir();
  expect((await typestep(['build', '--out', out], { cwd: project })).code).toBe(0);
  return (await readFile(join(out, 'Greeter.asl.json'), 'utf8')).replace('${Table}', 't').replace('${Greeting}', 'hello');
}

it('the local role stand-in is a role ARN the local endpoint accepts', () => {
  expect(LOCAL_ROLE_ARN).toMatch(/^arn:aws:iam::\d{12}:role\/\S+$/);
});
