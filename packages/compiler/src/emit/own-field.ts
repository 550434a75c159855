/**
 * Sets a field whose name comes from the user (a state name, a template key). Plain assignment
 * would treat `__proto__` as the prototype and silently drop it; AWS treats it as a name. Only
 * that one name needs defineProperty, which is much slower than assignment on a hot path.
 */
export function setOwnField(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
