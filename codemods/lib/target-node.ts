/**
 * The Node.js versions a file's project says it runs on: the nearest package.json's `engines.node`,
 * `.nvmrc` and `.node-version`, a Serverless `runtime: nodejsNN.x` or a SAM `Runtime: nodejsNN.x`, from the
 * file's folder up to the git root. Rewritten code loads the runtime package (on jose 6), which needs
 * Node 20.19 or later; where a declaration admits an older Node, sites are left as they are.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The oldest Node.js the runtime package loads on (jose 6 as ESM from CommonJS: `require(esm)`). */
export const RUNTIME_NODE_MINIMUM = '20.19.0';

export type NodeVersion = readonly [number, number, number];

export interface NodeDeclaration {
  /** The file that declares it. */
  readonly file: string;
  /** Where in that file: `engines.node`, `.nvmrc`, `.node-version`, `runtime`. */
  readonly field: string;
  /** As written. */
  readonly declared: string;
  /** The oldest version the declaration admits, as `major.minor.patch`; undefined when it cannot be read. */
  readonly oldest: string | undefined;
}

export interface TargetNode {
  /** Every declaration found, nearest first. */
  readonly declarations: readonly NodeDeclaration[];
  /** Some declaration is found and none admits a Node older than the runtime needs. */
  readonly guaranteed: boolean;
  /** The first declaration that admits an older Node than the runtime needs. */
  readonly tooOld?: NodeDeclaration;
}

/** LTS code names, as `.nvmrc` writes them (`lts/hydrogen`), and their major versions. */
const LTS_NAMES: Record<string, number> = { argon: 4, boron: 6, carbon: 8, dubnium: 10, erbium: 12, fermium: 14, gallium: 16, hydrogen: 18, iron: 20, jod: 22, krypton: 24 };

const SERVERLESS_FILES = ['serverless.yml', 'serverless.yaml', 'template.yml', 'template.yaml'];

export function targetNodeOf(filePath: string, minimum: string = RUNTIME_NODE_MINIMUM): TargetNode {
  const declarations: NodeDeclaration[] = [];
  let folder = dirname(resolve(filePath));
  for (;;) {
    declarations.push(...declarationsIn(folder));
    const parent = dirname(folder);
    if (existsSync(join(folder, '.git')) || parent === folder) break;
    folder = parent;
  }
  return judge(declarations, minimum);
}

/** Whether the declarations guarantee `minimum`; exported for callers that gather declarations themselves. */
export function judge(declarations: readonly NodeDeclaration[], minimum: string = RUNTIME_NODE_MINIMUM): TargetNode {
  const floor = parseVersion(minimum)!;
  const tooOld = declarations.find((declaration) => declaration.oldest !== undefined && compare(parseVersion(declaration.oldest)!, floor) < 0);
  const readable = declarations.filter((declaration) => declaration.oldest !== undefined);
  return { declarations, guaranteed: readable.length > 0 && !tooOld, ...(tooOld ? { tooOld } : {}) };
}

function declarationsIn(folder: string): NodeDeclaration[] {
  const found: NodeDeclaration[] = [];
  const manifest = join(folder, 'package.json');
  const engines = readJson(manifest)?.engines as { node?: unknown } | undefined;
  if (typeof engines?.node === 'string') found.push(declaration(manifest, 'engines.node', engines.node, oldestInRange(engines.node)));
  for (const name of ['.nvmrc', '.node-version']) {
    const file = join(folder, name);
    const text = readText(file)?.split(/\r?\n/)[0]?.trim();
    if (text) found.push(declaration(file, name, text, oldestOfVersionFile(text)));
  }
  for (const name of SERVERLESS_FILES) {
    const file = join(folder, name);
    const text = readText(file);
    if (!text) continue;
    // Provider and per-function runtimes alike: each must load the runtime.
    for (const match of text.matchAll(/^[ \t]*[Rr]untime:[ \t]*['"]?(nodejs(\d+)\.x)['"]?[ \t]*(?:#.*)?$/gm)) {
      // AWS updates a managed `nodejsNN.x` runtime to the latest NN release.
      found.push(declaration(file, 'runtime', match[1]!, latestOfMajor(Number(match[2]))));
    }
  }
  return found;
}

function declaration(file: string, field: string, declared: string, oldest: NodeVersion | undefined): NodeDeclaration {
  return { file, field, declared, oldest: oldest ? oldest.join('.') : undefined };
}

/**
 * A version manager's file names one version: `20.19.2`, `v22`, `lts/iron`, `node`. A bare major or LTS
 * name installs that line's latest release, which is the newest the line has; `node` and `lts/*` are current.
 */
function oldestOfVersionFile(text: string): NodeVersion | undefined {
  const value = text.replace(/^v/, '').toLowerCase();
  if (value === 'node' || value === 'stable' || value === 'latest' || value === 'lts/*' || value === 'current') return latestOfMajor(Number.POSITIVE_INFINITY);
  const lts = /^lts\/([a-z]+)$/.exec(value);
  if (lts) return LTS_NAMES[lts[1]!] !== undefined ? latestOfMajor(LTS_NAMES[lts[1]!]!) : undefined;
  const exact = /^(\d+)\.(\d+)\.(\d+)$/.exec(value);
  if (exact) return [Number(exact[1]), Number(exact[2]), Number(exact[3])];
  const partial = /^(\d+)(?:\.(\d+))?(?:\.x)?$/.exec(value);
  if (partial) return partial[2] === undefined ? latestOfMajor(Number(partial[1])) : [Number(partial[1]), Number(partial[2]), 999];
  return oldestInRange(value);
}

/**
 * The newest release of a major line, as far as the runtime's floor is concerned: lines after 20 are all
 * new enough, 20's latest releases are 20.19 and later, older lines end before it.
 */
function latestOfMajor(major: number): NodeVersion {
  return [Math.min(major, 99), major === 20 ? 19 : 0, 0];
}

/**
 * The oldest version a semver range admits (`>=16`, `^18.17.0`, `18 || 20`, `>=14 <21`, `20.x`, `1.2 - 3`);
 * undefined when the range cannot be read.
 */
export function oldestInRange(range: string): NodeVersion | undefined {
  const alternatives = range.split('||').map((alternative) => oldestInSet(alternative.trim()));
  if (alternatives.some((oldest) => oldest === undefined)) return undefined;
  return (alternatives as NodeVersion[]).reduce((lowest, oldest) => (compare(oldest, lowest) < 0 ? oldest : lowest));
}

function oldestInSet(set: string): NodeVersion | undefined {
  if (set === '' || set === '*' || set === 'x' || set === 'X') return [0, 0, 0];
  const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(set);
  if (hyphen) return lowerBound('>=', hyphen[1]!);
  let oldest: NodeVersion = [0, 0, 0];
  for (const comparator of set.split(/\s+/).filter(Boolean)) {
    const match = /^(>=|<=|>|<|=|\^|~)?\s*v?(.+)$/.exec(comparator);
    if (!match) return undefined;
    const bound = lowerBound(match[1] ?? '=', match[2]!);
    if (bound === undefined) return undefined;
    if (compare(bound, oldest) > 0) oldest = bound;
  }
  return oldest;
}

/** The lowest version one comparator admits (`<` and `<=` admit everything below). */
function lowerBound(operator: string, version: string): NodeVersion | undefined {
  const match = /^(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:[-+].*)?$/.exec(version);
  if (!match) return undefined;
  const part = (text: string | undefined) => (text === undefined || /^[xX*]$/.test(text) ? undefined : Number(text));
  const [major, minor, patch] = [part(match[1]), part(match[2]), part(match[3])];
  if (operator === '<' || operator === '<=') return [0, 0, 0];
  if (major === undefined) return [0, 0, 0];
  if (operator === '>') {
    if (minor === undefined) return [major + 1, 0, 0];
    if (patch === undefined) return [major, minor + 1, 0];
    return [major, minor, patch + 1];
  }
  return [major, minor ?? 0, patch ?? 0];
}

export function parseVersion(text: string): NodeVersion | undefined {
  const match = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)] : undefined;
}

function compare(a: NodeVersion, b: NodeVersion): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function readJson(file: string): Record<string, unknown> | undefined {
  const text = readText(file);
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** What a person reads when a site is left for this reason. */
export function runtimeNeedsNewerNode(tooOld: NodeDeclaration): string {
  return `left unchanged: ${tooOld.file} declares Node ${tooOld.declared} (${tooOld.field}), but the runtime the rewrite uses (jose 6) needs Node ${RUNTIME_NODE_MINIMUM.replace(/\.0$/, '')} or later: raise the project's Node version there, then run again`;
}
