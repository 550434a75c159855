// `node --import ./trace-imports.mjs …`: appends every module URL the process resolves to the file
// named by TYPESTEP_TRACE_FILE, so a test can check what a command loads (and what it must not).
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
let file;
export function initialize(data) { file = data.file; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(file, result.url + '\\n');
  return result;
}`;

if (process.env.TYPESTEP_TRACE_FILE) {
  register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { file: process.env.TYPESTEP_TRACE_FILE } });
}
