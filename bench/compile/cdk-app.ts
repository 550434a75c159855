import { App, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { pathToFileURL } from 'node:url';

/**
 * The seed-000 image pipeline written the way a CDK user would write it: a Stack holding a
 * StateMachine whose definition is a chain of seven `tasks.LambdaInvoke` states, rendered with
 * `DefinitionBody.fromChainable` and synthesized with `app.synth()`.
 *
 * `LambdaInvoke` with `payloadResponseOnly: true` is the construct that renders the seed's ASL:
 * `"Resource": <function ARN>` and `"Parameters": <payload>` with no `Payload` wrapper and no
 * `lambda:invoke` integration ARN. `retryOnServiceExceptions: false` drops the Retry block CDK
 * would otherwise add. The seed's `${LambdaFunction}` substitution becomes the imported
 * function's ARN (IMAGE_FUNCTION_ARN), which is how CDK references a function.
 *
 * Run as a program (`node cdk-app.js`, what `cdk synth` runs), it synthesizes into
 * $CDK_OUTDIR (or ./cdk.out) and prints nothing.
 */

export const IMAGE_FUNCTION_ARN = 'arn:aws:lambda:ap-northeast-1:123456789012:function:image-pipeline';
export const STACK_NAME = 'ImagePipelineStack';
export const STATE_MACHINE_ID = 'ImagePipeline';

export function buildApp(outdir?: string): App {
  const app = new App(outdir === undefined ? {} : { outdir });
  const stack = new Stack(app, STACK_NAME, { env: { account: '123456789012', region: 'ap-northeast-1' } });
  const image = lambda.Function.fromFunctionArn(stack, 'ImageFunction', IMAGE_FUNCTION_ARN);

  const invoke = (name: string, payload: Record<string, unknown>) =>
    new tasks.LambdaInvoke(stack, name, {
      stateName: name,
      lambdaFunction: image,
      payloadResponseOnly: true,
      retryOnServiceExceptions: false,
      payload: sfn.TaskInput.fromObject(payload),
    });
  const key = sfn.JsonPath.stringAt('$.Key');
  const icon = (diameter: string) => ({ diameter, bgcolor: 'f0ff' });
  const thumbnail = (width: string, height: string) => ({ width, height, bgcolor: 'f0ff' });

  const definition = invoke('Convert jpg image', { action: 'convert', key, type: 'jpg' })
    .next(invoke('Convert png image', { action: 'convert', key, type: 'png' }))
    .next(invoke('Create medium icon', { action: 'icon', key, icon: icon('200') }))
    .next(invoke('Create large icon', { action: 'icon', key, icon: icon('300') }))
    .next(invoke('Create medium thumbnail', { action: 'thumbnail', key, thumbnail: thumbnail('960', '540') }))
    .next(invoke('Create large thumbnail', { action: 'thumbnail', key, thumbnail: thumbnail('1440', '810') }))
    .next(invoke('Create small thumbnail', { action: 'thumbnail', key, thumbnail: thumbnail('480', '270') }));

  new sfn.StateMachine(stack, STATE_MACHINE_ID, { definitionBody: sfn.DefinitionBody.fromChainable(definition) });
  return app;
}

/** Synthesizes the app into `outdir`; returns the state machine's ASL as CDK rendered it. */
export function synthImagePipeline(outdir: string): unknown {
  const assembly = buildApp(outdir).synth();
  return definitionOf(assembly.getStackByName(STACK_NAME).template);
}

/** The ASL inside a synthesized template (DefinitionString is a plain string or an Fn::Join of parts). */
export function definitionOf(template: unknown): unknown {
  const resources = (template as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> }).Resources;
  const machine = Object.values(resources).find((r) => r.Type === 'AWS::StepFunctions::StateMachine');
  if (!machine) throw new Error('no AWS::StepFunctions::StateMachine in the synthesized template');
  const text = machine.Properties.DefinitionString;
  if (typeof text === 'string') return JSON.parse(text);
  const join = (text as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join'];
  if (!join || !join[1].every((part) => typeof part === 'string')) {
    throw new Error(`DefinitionString holds CloudFormation tokens: ${JSON.stringify(text)}`);
  }
  return JSON.parse(join[1].join(join[0]));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildApp(process.env.CDK_OUTDIR).synth();
}
