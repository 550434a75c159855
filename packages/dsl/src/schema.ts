/**
 * Anything that describes a type the Standard Schema way (zod 4, valibot, arktype…). The DSL only
 * reads the static type; it never validates at build time, so it does not depend on zod.
 */
export interface Schema<T> {
  readonly '~standard': { readonly types?: { readonly output: T } | undefined };
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

/** A schema for a plain TypeScript type, for when there is no zod schema: `returns: shape<Trade>()`. */
export function shape<T>(): Schema<T> {
  const standard = { version: 1, vendor: 'typestep', validate: (value: unknown) => ({ value }) };
  return Object.freeze({ '~standard': Object.freeze(standard) }) as Schema<T>;
}

/** The escape hatch for data you will not describe: every field is allowed and untyped. */
export const untyped: Schema<any> = shape<any>();
