import { formatJson } from './json-text.js';

/**
 * The text of an `.asl.json` / `.substitutions.json` file: prettier-compatible JSON, byte-identical
 * run to run. (Kept async so callers need not change if formatting ever needs I/O.)
 */
export async function formatDefinition(value: unknown): Promise<string> {
  return formatJson(value);
}
