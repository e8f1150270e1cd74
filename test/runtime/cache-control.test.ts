// Reading a response's freshness lifetime from Cache-Control and Age, as the JWKS cache does.
import { describe, it, expect } from 'vitest';
import { freshnessLifetimeMs } from '../../src/runtime/cache-control.js';

const lifetime = (headers: Record<string, string>): number | undefined => freshnessLifetimeMs(new Headers(headers));

describe('freshnessLifetimeMs', () => {
  it('reads max-age in seconds, among other directives', () => {
    expect(lifetime({ 'cache-control': 'public, max-age=3600, must-revalidate' })).toBe(3_600_000);
    expect(lifetime({ 'Cache-Control': 'MAX-AGE="90"' })).toBe(90_000);
  });

  it('subtracts the time a shared cache already held the response (Age)', () => {
    expect(lifetime({ 'cache-control': 'max-age=600', age: '100' })).toBe(500_000);
    expect(lifetime({ 'cache-control': 'max-age=60', age: '100' })).toBe(0);
  });

  it('reads no-store, no-cache and an invalid max-age as 0, and keeps the shorter of duplicates', () => {
    expect(lifetime({ 'cache-control': 'no-store' })).toBe(0);
    expect(lifetime({ 'cache-control': 'max-age=600, no-cache' })).toBe(0);
    expect(lifetime({ 'cache-control': 'max-age=soon' })).toBe(0);
    expect(lifetime({ 'cache-control': 'max-age=600, max-age=60' })).toBe(60_000);
  });

  it('says nothing when the headers say nothing about freshness', () => {
    expect(lifetime({})).toBeUndefined();
    expect(lifetime({ 'cache-control': 'public' })).toBeUndefined();
  });
});
