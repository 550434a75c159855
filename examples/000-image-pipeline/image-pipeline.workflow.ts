import { sub, workflow } from '@typestep/dsl';
import { z } from 'zod';

/** Seed 000: one image Lambda (`${LambdaFunction}`) called once per output the upload needs. */
const Upload = z.object({ Key: z.string() });

/** What the image handler returns: the key it read, so the next state can read `$.Key` again. */
const ImageResult = z.object({ Key: z.string() });

const image = sub('LambdaFunction');

/** The seed passes numbers as strings ("200"); the handler accepts both. */
type Icon = { diameter: string; bgcolor: string };
type Thumbnail = { width: string; height: string; bgcolor: string };

const icon = (diameter: string): Icon => ({ diameter, bgcolor: 'f0ff' });
const thumbnail = (width: string, height: string): Thumbnail => ({ width, height, bgcolor: 'f0ff' });

export default workflow('ImagePipeline', { input: Upload })
  .task('Convert jpg image', {
    resource: image,
    parameters: ($) => ({ action: 'convert', key: $.Key, type: 'jpg' }),
    returns: ImageResult,
  })
  .task('Convert png image', {
    resource: image,
    parameters: ($) => ({ action: 'convert', key: $.Key, type: 'png' }),
    returns: ImageResult,
  })
  .task('Create medium icon', {
    resource: image,
    parameters: ($) => ({ action: 'icon', key: $.Key, icon: icon('200') }),
    returns: ImageResult,
  })
  .task('Create large icon', {
    resource: image,
    parameters: ($) => ({ action: 'icon', key: $.Key, icon: icon('300') }),
    returns: ImageResult,
  })
  .task('Create medium thumbnail', {
    resource: image,
    parameters: ($) => ({ action: 'thumbnail', key: $.Key, thumbnail: thumbnail('960', '540') }),
    returns: ImageResult,
  })
  .task('Create large thumbnail', {
    resource: image,
    parameters: ($) => ({ action: 'thumbnail', key: $.Key, thumbnail: thumbnail('1440', '810') }),
    returns: ImageResult,
  })
  .task('Create small thumbnail', {
    resource: image,
    parameters: ($) => ({ action: 'thumbnail', key: $.Key, thumbnail: thumbnail('480', '270') }),
    returns: ImageResult,
  });
