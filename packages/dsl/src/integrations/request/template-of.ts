import type { PathRef, PathTo } from '../../path/path.js';
import type { Intrinsic } from '../../payload/intrinsic.js';
import type { Placeholder } from '../../payload/placeholder.js';
import type { TemplateValue } from '../../payload/template.js';

/**
 * A payload template that produces a value of type T at run time: a path to a T, an intrinsic
 * producing one, T's own literals, a placeholder where T takes any string, or — for objects — an
 * object whose fields are templates of T's fields. Checking a template against a handler's input
 * this way puts a wrong field's error on that field.
 */
export type TemplateOf<T> = unknown extends T ? TemplateValue : PathTo<T> | Intrinsic<T> | LiteralOf<T>;

/** T's literal forms, distributed over a union (`'a' | 'b'` takes either literal). */
type LiteralOf<T> = T extends string
  ? T | (string extends T ? Placeholder : never)
  : T extends number | boolean | null | undefined
    ? T
    : T extends readonly (infer E)[]
      ? readonly ArrayItemOf<E>[]
      : T extends object
        ? { readonly [K in keyof T]: TemplateOf<T[K]> }
        : never;

/** ASL does not evaluate a path standing alone as an array element: arrays hold literals and objects. */
type ArrayItemOf<E> = unknown extends E ? TemplateValue : LiteralOf<E>;

/**
 * The template P with each field T does not have typed `never`, at any depth, so that a
 * misspelt optional field is an error on that field (TypeScript does not check a callback's
 * returned object for unknown fields by itself). Paths are not looked into: a path to data with
 * more fields than T still fits, as the handler's schema ignores the rest.
 */
export type NoExtraFields<P, T> = unknown extends T
  ? P
  : P extends PathRef<unknown> | Intrinsic<unknown> | Placeholder | readonly unknown[] | string | number | boolean | null | undefined
    ? P
    : FieldsOfSome<P, NonNullable<T>>;

/**
 * P's fields checked against one member of T at a time (distributing over a union such as a
 * handler's `convert | icon | thumbnail` requests): P fits when it fits some member.
 */
type FieldsOfSome<P, M> = M extends unknown ? { readonly [K in keyof P]: K extends keyof M ? NoExtraFields<P[K], M[K]> : never } : never;
