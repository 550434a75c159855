import type { CompileResult } from '@typestep/compiler';
import { LAMBDA_HANDLER, LAMBDA_RUNTIME } from './lambda-functions.js';

/** CloudFormation intrinsic functions, in their long form (plain YAML, no custom tags). */
export const getAtt = (logicalId: string, attribute = 'Arn') => ({ 'Fn::GetAtt': [logicalId, attribute] });
export const ref = (logicalId: string) => ({ Ref: logicalId });
export const sub = (text: string) => ({ 'Fn::Sub': text });

/** A function running one of the bundled zips (`../../lambda/<zip>.zip` from the template's folder). */
export function lambdaFunction(zip: string, properties: Record<string, unknown> = {}) {
  return {
    Type: 'AWS::Serverless::Function',
    Properties: { CodeUri: `../../lambda/${zip}.zip`, Handler: LAMBDA_HANDLER, Runtime: LAMBDA_RUNTIME, Timeout: 30, MemorySize: 256, ...properties },
  };
}

/** How one compiled workflow is deployed: its resource, the value of each `${Placeholder}`, and its policies. */
export interface StateMachineBinding {
  readonly logicalId: string;
  readonly substitutions: Readonly<Record<string, unknown>>;
  readonly policies: readonly unknown[];
}

/** A seed system as a SAM application: its workflows (compiled from examples/) and its resources. */
export interface SamApplication {
  /** The folder under examples/, also the template's folder under out/sam/. */
  readonly folder: string;
  readonly description: string;
  /** The workflow modules, relative to the example folder. */
  readonly workflowFiles: readonly string[];
  /** The workflows deployed as state machines, by workflow name; other exported workflows are not. */
  readonly stateMachines: Readonly<Record<string, StateMachineBinding>>;
  readonly resources: Readonly<Record<string, unknown>>;
  readonly outputs?: Readonly<Record<string, unknown>>;
}

/**
 * The SAM template of an application: its resources plus one AWS::Serverless::StateMachine per
 * deployed workflow, whose DefinitionSubstitutions are exactly the compiler's substitutions map
 * with each placeholder bound to a value. A placeholder left unbound, or a binding no placeholder
 * uses, is an error naming both.
 */
export function samTemplate(app: SamApplication, compiled: readonly CompileResult[]): Record<string, unknown> {
  const stateMachines: Record<string, unknown> = {};
  for (const [workflow, binding] of Object.entries(app.stateMachines)) {
    const result = compiled.find((candidate) => candidate.name === workflow);
    if (!result) throw new Error(`packaging: ${app.folder} exports no workflow named ${workflow}`);
    stateMachines[binding.logicalId] = {
      Type: 'AWS::Serverless::StateMachine',
      Properties: {
        Name: workflow,
        DefinitionUri: aslFileName(workflow),
        ...definitionSubstitutions(app.folder, result, binding),
        Policies: binding.policies,
      },
    };
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    Description: app.description,
    Resources: { ...app.resources, ...stateMachines },
    ...(app.outputs && { Outputs: app.outputs }),
  };
}

export const aslFileName = (workflow: string) => `${workflow}.asl.json`;

function definitionSubstitutions(folder: string, result: CompileResult, binding: StateMachineBinding) {
  const used = Object.keys(result.substitutions);
  const unbound = used.filter((name) => !(name in binding.substitutions));
  const unused = Object.keys(binding.substitutions).filter((name) => !used.includes(name));
  if (unbound.length > 0) {
    throw new Error(
      `packaging: ${result.name} (examples/${folder}) uses ${unbound.map((n) => `\${${n}}`).join(', ')}; bind each to a value in src/packaging/sam-applications.ts`,
    );
  }
  if (unused.length > 0) throw new Error(`packaging: src/packaging/sam-applications.ts binds ${unused.join(', ')}, which ${result.name} does not use`);
  return used.length === 0 ? {} : { DefinitionSubstitutions: Object.fromEntries(used.map((name) => [name, binding.substitutions[name]])) };
}
