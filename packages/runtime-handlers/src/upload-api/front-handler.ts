import { readFile } from 'node:fs/promises';
import type { ApiGatewayResult } from './contract.js';

/** The upload page sits next to this module (packaging copies it next to the bundle). */
const PAGE = new URL('./upload-page.html', import.meta.url);

/** Seed 000's front function (`GET /`): the upload page. */
export async function frontHandler(): Promise<ApiGatewayResult> {
  return { statusCode: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: await readFile(PAGE, 'utf8') };
}
