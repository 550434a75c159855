/**
 * The text of an `.asl.json` / `.substitutions.json` file: prettier's JSON formatting, so the
 * files read like hand-formatted ones and are byte-identical run to run. Prettier is loaded on
 * first use, keeping `import '@typestep/compiler'` cheap.
 */
export async function formatDefinition(value: unknown): Promise<string> {
  const prettier = await import('prettier');
  return prettier.format(JSON.stringify(value), { parser: 'json', printWidth: 100 });
}
