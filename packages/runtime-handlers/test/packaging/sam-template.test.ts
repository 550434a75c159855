import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { compileWorkflowModule } from '../../src/packaging/examples.js';
import { LAMBDA_FUNCTIONS } from '../../src/packaging/lambda-functions.js';
import { SAM_YAML } from '../../src/packaging/package-lambdas.js';
import { SAM_APPLICATIONS } from '../../src/packaging/sam-applications.js';
import { getAtt, samTemplate, type SamApplication } from '../../src/packaging/sam-template.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const reference = (file: string) => JSON.parse(readFileSync(`${ROOT}../shared/reference-asl/${file}`, 'utf8'));
const compiled = (app: SamApplication) =>
  Promise.all(app.workflowFiles.map((file) => compileWorkflowModule(`${ROOT}examples/${app.folder}/${file}`))).then((all) => all.flat());

type Template = { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };

/** Every `Ref` and `Fn::GetAtt` in the template, by the logical id it names. */
function references(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => references(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref') found.push(String(inner));
      else if (key === 'Fn::GetAtt') found.push(String((inner as string[])[0]));
      else references(inner, found);
    }
  }
  return found;
}

describe.each(SAM_APPLICATIONS.map((app) => [app.folder, app] as const))('the SAM template of examples/%s', (_folder, app) => {
  test('DefinitionSubstitutions are exactly the compiler\'s substitutions map, each bound', async () => {
    const results = await compiled(app);
    const template = samTemplate(app, results) as Template;
    for (const [workflow, binding] of Object.entries(app.stateMachines)) {
      const result = results.find((r) => r.name === workflow)!;
      const machine = template.Resources[binding.logicalId]!;
      expect(machine.Type).toBe('AWS::Serverless::StateMachine');
      expect(machine.Properties['DefinitionUri']).toBe(`${workflow}.asl.json`);
      expect(Object.keys((machine.Properties['DefinitionSubstitutions'] as object | undefined) ?? {})).toEqual(Object.keys(result.substitutions));
    }
  });

  test('every Ref and GetAtt names a resource of the template; every CodeUri a packaged function', async () => {
    const template = samTemplate(app, await compiled(app)) as Template;
    const ids = Object.keys(template.Resources);
    expect(references(template).filter((id) => !ids.includes(id) && !id.startsWith('AWS::'))).toEqual([]);
    const zips = LAMBDA_FUNCTIONS.map((fn) => `../../lambda/${fn.name}.zip`);
    for (const resource of Object.values(template.Resources).filter((r) => r.Type === 'AWS::Serverless::Function')) {
      expect(zips).toContain(resource.Properties['CodeUri']);
      expect(resource.Properties).toMatchObject({ Runtime: 'nodejs22.x', Handler: 'index.handler' });
    }
  });

  test('written as YAML that reads back the same, with the format version quoted', async () => {
    const template = samTemplate(app, await compiled(app));
    const text = stringify(template, SAM_YAML);
    expect(text).toMatch(/^AWSTemplateFormatVersion: "2010-09-09"$/m);
    expect(parse(text)).toEqual(template);
  });
});

describe('the examples compile to the seed definitions the templates deploy', () => {
  test.each([
    ['000-image-pipeline', 'ImagePipeline', '000-1.asl.json'],
    ['001-s3-usage-report', 'S3UsageReportController', '001-1.asl.json'],
  ])('examples/%s: %s', async (folder, workflow, file) => {
    const results = await compiled(SAM_APPLICATIONS.find((app) => app.folder === folder)!);
    expect(results.find((r) => r.name === workflow)!.definition).toEqual(reference(file));
  });

  test('seed 000\'s ${LambdaFunction} is the image function\'s ARN', async () => {
    const app = SAM_APPLICATIONS[0]!;
    const template = samTemplate(app, await compiled(app)) as Template;
    expect(template.Resources['MainStateMachine']!.Properties['DefinitionSubstitutions']).toEqual({ LambdaFunction: getAtt('StepFunctionsMain') });
    expect(template.Resources['StepFunctionsMain']!.Properties['CodeUri']).toBe('../../lambda/image.zip');
  });
});

describe('a binding table out of step with the workflow is an error naming both', () => {
  const app = SAM_APPLICATIONS[0]!;
  const binding = app.stateMachines['ImagePipeline']!;

  test('a placeholder left unbound', async () => {
    const unbound = { ...app, stateMachines: { ImagePipeline: { ...binding, substitutions: {} } } };
    expect(() => samTemplate(unbound, [])).toThrow('exports no workflow named ImagePipeline');
    await expect(compiled(app).then((results) => samTemplate(unbound, results))).rejects.toThrow(
      'ImagePipeline (examples/000-image-pipeline) uses ${LambdaFunction}; bind each to a value in src/packaging/sam-applications.ts',
    );
  });

  test('a binding no placeholder uses', async () => {
    const stale = { ...app, stateMachines: { ImagePipeline: { ...binding, substitutions: { ...binding.substitutions, OldFunction: 'x' } } } };
    await expect(compiled(app).then((results) => samTemplate(stale, results))).rejects.toThrow('binds OldFunction, which ImagePipeline does not use');
  });
});
