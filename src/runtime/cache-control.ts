/** How long a response may be reused, from its Cache-Control and Age headers (RFC 9111). */

/**
 * The freshness lifetime left, in milliseconds, or undefined when the headers say nothing about it.
 * `no-store` and `no-cache` mean 0: the caller decides on a floor, not this parser.
 */
export function freshnessLifetimeMs(headers: Headers): number | undefined {
  const cacheControl = headers.get('cache-control');
  if (cacheControl === null) return undefined;

  let maxAge: number | undefined;
  for (const directive of cacheControl.split(',')) {
    const [rawName = '', ...rest] = directive.split('=');
    const name = rawName.trim().toLowerCase();
    if (name === 'no-store' || name === 'no-cache') return 0;
    if (name !== 'max-age') continue;
    const value = rest.join('=').trim().replace(/^"(.*)"$/, '$1');
    if (!/^\d+$/.test(value)) return 0; // RFC 9111 §4.2.1: an invalid max-age makes the response stale
    const seconds = Number(value);
    // Duplicated directives are invalid; the shorter one is the safe reading.
    maxAge = maxAge === undefined ? seconds : Math.min(maxAge, seconds);
  }
  if (maxAge === undefined) return undefined;

  // A shared cache on the way may have held the response already; Age says for how long.
  const age = Number(headers.get('age') ?? '0');
  const ageSeconds = Number.isFinite(age) && age > 0 ? age : 0;
  return Math.max(0, maxAge - ageSeconds) * 1000;
}
