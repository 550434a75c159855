import { ConfigurationError } from './errors.js';

/** A required environment variable, or a ConfigurationError that says what it is for. */
export function requireEnv(name: string, purpose: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new ConfigurationError(`${name} is not set: it names ${purpose}. Set it in the function's environment.`);
  }
  return value;
}
