/**
 * Tokens the project signs with its own private key, seen in any module of the run: a pinned-key verification
 * in another module may check tokens the project issues itself (an auth service beside the API, a `sign.js`
 * beside a `verify.js`), and then there is no issuer to discover keys from (codemods/lib/self-issued.ts decides,
 * with the site's issuer). The run is scanned once, and only when a transform asks; only modules that name
 * jsonwebtoken or jose and call a signing function are parsed. Tests are left out: they sign tokens with keys
 * they generate, to test verification.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { tokenSigningInSource } from '../lib/self-issued.js';

export interface TokenSigningFact {
  /** The signing module, relative to the folder of the module that asked (`./sign.js`, `../issuer/src/sign.ts`). */
  readonly path: string;
  readonly line: number;
  readonly evidence: string;
}

const JWT_LIBRARY = /['"](?:jsonwebtoken|jose)['"]/;
const SIGNING_CALL = /\bsign\s*\(|\bSignJWT\b/;
const TEST_PATH = /(?:^|[\\/])(?:test|tests|__tests__|spec|__mocks__|fixtures?)[\\/]|\.(?:test|spec)\.[cm]?[jt]sx?$/;

interface Signing {
  readonly file: string;
  readonly line: number;
  readonly evidence: string;
}

export class ProjectTokenSigning {
  private found: readonly Signing[] | undefined;

  constructor(
    private readonly files: Iterable<string>,
    private readonly readText: (path: string) => string | undefined = readUtf8,
  ) {}

  /** Signing with a private key in the run's other modules, nearest folders first. */
  of(path: string): readonly TokenSigningFact[] {
    this.found ??= this.scan();
    const folder = dirname(path);
    return this.found
      .filter((signing) => signing.file !== path)
      .map((signing) => ({ path: relativePath(folder, signing.file), line: signing.line, evidence: signing.evidence }))
      // Judged on the path between the two modules: the folders above both say nothing.
      .filter((signing) => !TEST_PATH.test(signing.path))
      .sort((a, b) => a.path.split('/').length - b.path.split('/').length);
  }

  private scan(): Signing[] {
    const found: Signing[] = [];
    for (const file of this.files) {
      const text = this.readText(file);
      if (text === undefined || !JWT_LIBRARY.test(text) || !SIGNING_CALL.test(text)) continue;
      try {
        for (const signing of tokenSigningInSource(text, file)) found.push({ file, line: signing.line, evidence: signing.evidence });
      } catch {
        // A module that does not parse is reported by the per-file stage; it shows no signing here.
      }
    }
    return found;
  }
}

function relativePath(from: string, to: string): string {
  const path = relative(from, to).split(sep).join('/');
  return path.startsWith('../') ? path : `./${path}`;
}

function readUtf8(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
