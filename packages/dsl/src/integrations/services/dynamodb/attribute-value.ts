import type { PathTo } from '../../../path/path.js';
import type { Intrinsic } from '../../../payload/intrinsic.js';
import type { Text } from '../../request/field.js';

/**
 * A DynamoDB attribute value in a request, as the API writes it: `{ S: … }`, `{ N: … }`… DynamoDB
 * takes numbers as strings (`{ N: '42' }`), so a number field is an error here: write
 * `{ N: format('{}', $.total) }` or keep the number as a string in the data.
 */
export type AttributeValue =
  | { readonly S: Text }
  | { readonly N: Text }
  | { readonly B: Text }
  | { readonly BOOL: boolean | PathTo<boolean> | Intrinsic<boolean> }
  | { readonly NULL: true }
  | { readonly M: AttributeMap }
  | { readonly L: readonly AttributeValue[] | PathTo<readonly StoredAttributeValue[]> }
  | { readonly SS: readonly string[] | PathTo<readonly string[]> | Intrinsic<readonly string[]> }
  | { readonly NS: readonly string[] | PathTo<readonly string[]> | Intrinsic<readonly string[]> }
  | { readonly BS: readonly string[] | PathTo<readonly string[]> };

/** Attributes by name: an item, a key, or ExpressionAttributeValues. */
export type AttributeMap = { readonly [name: string]: AttributeValue | PathTo<StoredAttributeValue> };

/** An attribute value as DynamoDB returns it (in GetItem's `Item`, in `Attributes`). */
export type StoredAttributeValue =
  | { readonly S: string }
  | { readonly N: string }
  | { readonly B: string }
  | { readonly BOOL: boolean }
  | { readonly NULL: boolean }
  | { readonly M: StoredItem }
  | { readonly L: readonly StoredAttributeValue[] }
  | { readonly SS: readonly string[] }
  | { readonly NS: readonly string[] }
  | { readonly BS: readonly string[] };

/** An item as DynamoDB returns it. */
export type StoredItem = { readonly [name: string]: StoredAttributeValue };

/** Where a request takes a whole item or key: attributes written out, or a path to a stored item in the data. */
export type Attributes = AttributeMap | PathTo<StoredItem>;
