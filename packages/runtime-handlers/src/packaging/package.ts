/**
 * `pnpm package` (in @typestep/runtime-handlers): every Lambda function bundled and zipped, with
 * sharp's linux-x64 and linux-arm64 packages in the image function's zip, and a SAM template per
 * example, into packages/runtime-handlers/out/.
 */
import { fileURLToPath } from 'node:url';
import { LAMBDA_FUNCTIONS } from './lambda-functions.js';
import { packageLambdas } from './package-lambdas.js';
import { SAM_APPLICATIONS } from './sam-applications.js';
import { LAMBDA_ARCHITECTURES } from './sharp-runtime.js';

const packageDir = fileURLToPath(new URL('../../', import.meta.url));
const { zips, templates } = await packageLambdas({
  root: fileURLToPath(new URL('../../../../', import.meta.url)),
  outDir: `${packageDir}out`,
  cacheDir: `${packageDir}.cache/npm-pack`,
  architectures: LAMBDA_ARCHITECTURES,
  functions: LAMBDA_FUNCTIONS,
  applications: SAM_APPLICATIONS,
});
for (const zip of zips) process.stdout.write(`${zip.path}  ${(zip.bytes / 1024 / 1024).toFixed(2)} MiB, ${zip.files} files\n`);
for (const template of templates) process.stdout.write(`${template}\n`);
