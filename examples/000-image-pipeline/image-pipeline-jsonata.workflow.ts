import { jsonata, sub, workflow } from '@typestep/dsl';
import { imageContract } from '@typestep/runtime-handlers';
import { z } from 'zod';

/**
 * Seed 000's image pipeline written the modern way: JSONata states and a variable. The upload's
 * key is assigned once (`$key`) and every image call reads it from there, so the calls no longer
 * depend on the handler echoing `Key` back; the three kinds of output run side by side, and a
 * failure ends in a Fail state that says which key could not be processed.
 */
const Upload = z.object({ Key: z.string() });

/** What the image handler returns: the key it read, and the keys it wrote. */
const ImageResult = imageContract.output;

const image = sub('LambdaFunction');
const lambdaRetry = [{ errors: ['Lambda.ServiceException', 'Lambda.TooManyRequestsException'] as const, intervalSeconds: 2, maxAttempts: 3, backoffRate: 2 }];

export default workflow('ImagePipelineJsonata', { queryLanguage: 'JSONata', input: Upload, comment: 'Seed 000 with JSONata and variables' })
  .pass('Remember upload', { assign: ({ input }) => ({ key: input.Key }) })
  .parallel('Make outputs', {
    branches: [
      (b) =>
        b
          .task('Convert jpg image', {
            resource: image,
            arguments: ({ vars }) => ({ action: 'convert', key: vars.key, type: 'jpg' }),
            returns: ImageResult,
            retry: lambdaRetry,
          })
          .task('Convert png image', {
            resource: image,
            arguments: ({ vars }) => ({ action: 'convert', key: vars.key, type: 'png' }),
            returns: ImageResult,
            // The branch's output lists both conversions: the jpg's keys (this state's input) and the png's.
            output: ({ input, result }) => ({ Key: result.Key, OutputKeys: jsonata<string[]>`$append(${input.OutputKeys}, ${result.OutputKeys})` }),
            retry: lambdaRetry,
          }),
      (b) =>
        b.map('Create icons', {
          items: [200, 300],
          itemSelector: ({ context, vars }) => ({ key: vars.key, diameter: context.Map.Item.Value }),
          itemProcessor: (p) =>
            p.task('Create icon', {
              resource: image,
              arguments: ({ input }) => ({ action: 'icon', key: input.key, icon: { diameter: input.diameter, bgcolor: 'f0ff' } }),
              returns: ImageResult,
              retry: lambdaRetry,
            }),
        }),
      (b) =>
        b.map('Create thumbnails', {
          items: [
            { width: 480, height: 270 },
            { width: 960, height: 540 },
            { width: 1440, height: 810 },
          ],
          itemSelector: ({ context, vars }) => ({ key: vars.key, size: context.Map.Item.Value }),
          maxConcurrency: 2,
          itemProcessor: (p) =>
            p.task('Create thumbnail', {
              resource: image,
              arguments: ({ input }) => ({ action: 'thumbnail', key: input.key, thumbnail: { width: input.size.width, height: input.size.height, bgcolor: 'f0ff' } }),
              returns: ImageResult,
              retry: lambdaRetry,
            }),
        }),
    ],
    // Every key written, in one list: $append flattens the branches' results.
    output: ({ result, vars }) => ({
      Key: vars.key,
      outputs: jsonata<string[]>`$append($append(${result}[0].OutputKeys, ${result}[1].OutputKeys), ${result}[2].OutputKeys)`,
    }),
    catch: (c) => [
      c(['States.ALL'], { output: ({ errorOutput, vars }) => ({ key: vars.key, error: errorOutput.Error, cause: errorOutput.Cause }) }, (b) =>
        b.fail('Image processing failed', {
          error: ({ input }) => input.error,
          cause: ({ input }) => jsonata<string>`'Could not process ' & ${input.key} & ': ' & ${input.cause}`,
        }),
      ),
    ],
  })
  .succeed('Done');
