// Small statistics and formatting helpers.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function min(values) {
  return Math.min(...values);
}

export function max(values) {
  return Math.max(...values);
}

/** Rotations of `items`, one per run, so that each item takes each position as often as the others. */
export function rotations(items, runs) {
  return Array.from({ length: runs }, (_, run) => items.map((_, i) => items[(i + run) % items.length]));
}

export const ms = (value) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`);
export const pct = (ratio) => `${ratio >= 1 ? '+' : '−'}${Math.abs((ratio - 1) * 100).toFixed(1)} %`;
export const times = (ratio) => `${ratio.toFixed(2)}×`;
export const int = (n) => Math.round(n).toLocaleString('en-US');
export const spread = (values, fmt = ms) => (values.length > 1 ? `${fmt(min(values))}–${fmt(max(values))}` : '—');

/** A Markdown table from a header row and rows of cells. */
export function table(header, rows, align) {
  const line = (cells) => `| ${cells.map((c) => String(c).replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`;
  const separator = `| ${header.map((_, i) => (align?.[i] === 'r' ? '---:' : '---')).join(' | ')} |`;
  return [line(header), separator, ...rows.map(line)].join('\n');
}
