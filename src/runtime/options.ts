/** Option checks and defaults shared by both helpers, so a bad value fails at construction, not on a request. */
import { ConfigurationError } from './errors.js';
import type { Fetch } from './http.js';

export const DEFAULT_TIMEOUT_MS = 5_000;
export const DEFAULT_FAILURE_BACKOFF_MS = 1_000;
/** Real access tokens are a few KB; a longer string is refused before any parsing or hashing. */
export const MAX_TOKEN_LENGTH = 16 * 1024;

export function checkDuration(value: unknown, name: string, fallback: number, zeroAllowed = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (value === 0 && !zeroAllowed)) {
    throw new ConfigurationError('invalid_option', `${name} must be a ${zeroAllowed ? 'non-negative' : 'positive'} number of milliseconds`);
  }
  return value;
}

export function checkStringList(value: unknown, name: string, required: boolean): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || (required && list.length === 0) || !list.every((item) => typeof item === 'string' && item !== '')) {
    throw new ConfigurationError('invalid_option', `${name} must be a non-empty string or a non-empty list of them`);
  }
  return [...(list as string[])];
}

export function checkFetch(value: unknown): Fetch {
  const chosen = value ?? globalThis.fetch;
  if (typeof chosen !== 'function') {
    throw new ConfigurationError('invalid_option', 'fetch must be a function (globalThis.fetch is missing on this platform)');
  }
  return chosen as Fetch;
}
