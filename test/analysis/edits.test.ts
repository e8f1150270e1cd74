// The edit model: non-overlapping insertions, removals and replacements applied at once. Unit cases for
// the shapes rewrites produce, and a property test over random edit sets (seeded, so failures replay).
import { describe, expect, it } from 'vitest';
import { applyEdits, insertAt, type TextEdit } from '../../src/analysis/edits.js';

describe('applyEdits', () => {
  it('keeps an insertion at the end of a removed range beside the text that follows it', () => {
    const source = "const jwt = require('jsonwebtoken');\nfunction verify(token) {}\n";
    const requireEnd = source.indexOf('\n') + 1;
    const edits: TextEdit[] = [
      insertAt(requireEnd, 'async '), // Before the function that follows the removed require.
      { range: [0, requireEnd], text: '' },
      insertAt(requireEnd - 1, '\nconst verifier = create();'), // "After the last import", inside the removal.
    ];
    expect(applyEdits(source, edits)).toBe('const verifier = create();\nasync function verify(token) {}\n');
  });

  it('keeps an insertion at the start of a removed range before the removed text', () => {
    expect(applyEdits('abcdef', [insertAt(2, 'X'), { range: [2, 4], text: '' }])).toBe('abXef');
  });

  it('moves insertions inside a removed range to its start, in the order of their offsets', () => {
    expect(applyEdits('abcdefgh', [insertAt(5, '2'), { range: [2, 7], text: '' }, insertAt(3, '1')])).toBe('ab12h');
  });

  it('moves a leading line break of a relocated line after it at the start of a line', () => {
    const source = "import a from 'a';\nimport b from 'b';\nrest();\n";
    const secondImport = source.indexOf('import b');
    const edits: TextEdit[] = [{ range: [secondImport, source.indexOf('rest')], text: '' }, insertAt(source.indexOf("'b';") + 4, '\nconst v = 1;')];
    expect(applyEdits(source, edits)).toBe("import a from 'a';\nconst v = 1;\nrest();\n");
  });

  it('puts an insertion at the start of a replacement before it, and one at its end after it', () => {
    expect(applyEdits('abcdef', [{ range: [2, 4], text: 'XY' }, insertAt(4, ']'), insertAt(2, '[')])).toBe('ab[XY]ef');
  });

  it('refuses overlapping edits', () => {
    expect(() => applyEdits('abcdef', [{ range: [1, 4], text: 'X' }, { range: [3, 5], text: '' }])).toThrow(/overlapping/);
    expect(() => applyEdits('abcdef', [{ range: [1, 4], text: 'X' }, insertAt(2, 'Y')])).toThrow(/overlapping/);
  });
});

/** A small seeded generator (mulberry32): the same seed gives the same edit sets. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { below: (n: number) => Math.floor(next() * n), chance: (p: number) => next() < p };
}

interface Generated {
  readonly source: string;
  readonly edits: TextEdit[];
  /** Per edit with text: its token, where it was anchored and what kind it is. */
  readonly tokens: { readonly token: string; readonly offset: number; readonly insertion: boolean; readonly order: number }[];
}

/** Source in lower case; every inserted or replacing text is a unique upper-case token, so it can be traced. */
function randomEdits(seed: number): Generated {
  const random = generator(seed);
  const length = random.below(40);
  const source = Array.from({ length }, () => String.fromCharCode(97 + random.below(26))).join('');
  const edits: TextEdit[] = [];
  const tokens: Generated['tokens'] = [];
  let counter = 0;
  const token = () => `<${String.fromCharCode(65 + (counter % 26))}${counter++}>`;
  // Disjoint ranges, often touching: removals and replacements.
  let at = 0;
  const ranges: [number, number, boolean][] = [];
  while (at < length) {
    at += random.chance(0.4) ? 0 : random.below(5);
    const end = Math.min(length, at + 1 + random.below(6));
    if (at >= length) break;
    if (random.chance(0.6)) ranges.push([at, end, random.chance(0.7)]);
    at = end;
  }
  for (const [start, end, removal] of ranges) {
    if (removal) edits.push({ range: [start, end], text: '' });
    else {
      const text = token();
      tokens.push({ token: text, offset: start, insertion: false, order: edits.length });
      edits.push({ range: [start, end], text });
    }
  }
  // Insertions anywhere outside replacements: at the ends of ranges, inside removals, between.
  const insertions = random.below(8);
  for (let count = 0; count < insertions; count++) {
    const candidates = Array.from({ length: length + 1 }, (_, offset) => offset).filter((offset) => !ranges.some(([start, end, removal]) => !removal && start < offset && offset < end));
    const boundaries = ranges.flatMap(([start, end]) => [start, end]);
    const offset = boundaries.length > 0 && random.chance(0.5) ? boundaries[random.below(boundaries.length)]! : candidates[random.below(candidates.length)]!;
    const text = token();
    const position = random.below(edits.length + 1);
    edits.splice(position, 0, insertAt(offset, text));
    tokens.push({ token: text, offset, insertion: true, order: -1 });
  }
  // Orders are the final positions in the edit list.
  const withOrder = tokens.map((entry) => ({ ...entry, order: edits.findIndex((edit) => edit.text === entry.token) }));
  return { source, edits, tokens: withOrder };
}

describe('applyEdits on random edit sets', () => {
  it.each(Array.from({ length: 400 }, (_, seed) => seed))('seed %i', (seed) => {
    const { source, edits, tokens } = randomEdits(seed);
    const output = applyEdits(source, edits);
    const removedOrReplaced = (offset: number) => edits.some((edit) => edit.range[0] <= offset && offset < edit.range[1]);
    const kept = [...source].filter((_, offset) => !removedOrReplaced(offset)).join('');

    // Every kept character stays, in order, and nothing else of the source remains.
    expect(output.replace(/<[A-Z]\d+>/g, '')).toBe(kept);

    // Every token appears once, after as many kept characters as stood before its offset in the source.
    const keptBefore = (offset: number) => [...source.slice(0, offset)].filter((_, index) => !removedOrReplaced(index)).length;
    const positions = new Map<string, number>();
    for (const { token, offset } of tokens) {
      const at = output.indexOf(token);
      expect(at, token).toBeGreaterThanOrEqual(0);
      expect(output.indexOf(token, at + 1), token).toBe(-1);
      expect(output.slice(0, at).replace(/<[A-Z]\d+>/g, '').length, `${token} at ${offset} in ${JSON.stringify(source)}`).toBe(keptBefore(offset));
      positions.set(token, at);
    }

    // Tokens come in the order of their offsets; at one offset, insertions before a replacement, each kind in the order given.
    const expectedOrder = [...tokens].sort((a, b) => a.offset - b.offset || Number(b.insertion) - Number(a.insertion) || a.order - b.order).map((entry) => entry.token);
    const actualOrder = [...tokens].sort((a, b) => positions.get(a.token)! - positions.get(b.token)!).map((entry) => entry.token);
    expect(actualOrder).toEqual(expectedOrder);
  });
});
