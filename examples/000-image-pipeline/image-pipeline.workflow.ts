import { lambda, sub, workflow } from '@typestep/dsl';
import { imageContract } from '@typestep/runtime-handlers';
import { z } from 'zod';

/**
 * Seed 000: one image Lambda (`${LambdaFunction}`) called once per output the upload needs. Each
 * call is bound to the handler's contract (packages/runtime-handlers): its parameters are checked
 * against the handler's input at compile time, and its result is typed as the handler's output,
 * which carries the key it read, so the next state can read `$.Key` again.
 */
const Upload = z.object({ Key: z.string() });

const functionArn = sub('LambdaFunction');

/** The seed passes numbers as strings ("200"); the handler accepts both. */
const icon = (diameter: string) => ({ diameter, bgcolor: 'f0ff' });
const thumbnail = (width: string, height: string) => ({ width, height, bgcolor: 'f0ff' });

export default workflow('ImagePipeline', { input: Upload })
  .task('Convert jpg image', lambda.function({ functionArn, contract: imageContract, payload: ($) => ({ action: 'convert', key: $.Key, type: 'jpg' }) }))
  .task('Convert png image', lambda.function({ functionArn, contract: imageContract, payload: ($) => ({ action: 'convert', key: $.Key, type: 'png' }) }))
  .task('Create medium icon', lambda.function({ functionArn, contract: imageContract, payload: ($) => ({ action: 'icon', key: $.Key, icon: icon('200') }) }))
  .task('Create large icon', lambda.function({ functionArn, contract: imageContract, payload: ($) => ({ action: 'icon', key: $.Key, icon: icon('300') }) }))
  .task(
    'Create medium thumbnail',
    lambda.function({ functionArn, contract: imageContract, payload: ($) => ({ action: 'thumbnail', key: $.Key, thumbnail: thumbnail('960', '540') }) }),
  )
  .task(
    'Create large thumbnail',
    lambda.function({ functionArn, contract: imageContract, payload: ($) => ({ action: 'thumbnail', key: $.Key, thumbnail: thumbnail('1440', '810') }) }),
  )
  .task(
    'Create small thumbnail',
    lambda.function({ functionArn, contract: imageContract, payload: ($) => ({ action: 'thumbnail', key: $.Key, thumbnail: thumbnail('480', '270') }) }),
  );
