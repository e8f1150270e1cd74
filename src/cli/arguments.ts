/** The command line of `oidc-codemod`: parsed, checked, and turned into a clear error when it is wrong. */
import { parseArgs } from 'node:util';
import type { TransformName } from '../../codemods/lib/transformer.js';

export const TRANSFORM_NAMES: readonly TransformName[] = ['jwks-discovery', 'org-as-introspection', 'id-token-to-access-token'];

export interface CliArguments {
  readonly transforms: readonly TransformName[];
  readonly dryRun: boolean;
  readonly check: boolean;
  readonly json: boolean;
  readonly issuer?: string;
  readonly audience?: string;
  readonly toCustomAs: boolean;
  readonly helperPath?: string;
  readonly helperImport?: string;
  readonly force: boolean;
  /** `--ignore-pattern`: globs of paths (relative to the working directory) the run leaves out. */
  readonly ignorePatterns: readonly string[];
  /** `--report-md`: where to write the Markdown report. */
  readonly reportMarkdown?: string;
  readonly paths: readonly string[];
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: oidc-codemod [options] <paths...>

Rewrites broken OAuth 2.0 / OpenID Connect token validation to the safe pattern.

Options:
  --transform <name>     jwks-discovery, org-as-introspection or id-token-to-access-token;
                         repeat to run several (default: all three, in that order)
  --dry-run              write nothing; print unified diffs of what would change
  --check                write nothing; exit 1 when something would change (for CI)
  --json                 print one JSON object instead of text, in every outcome (errors
                         included: then it has an "error" field)
  --report-md <file>     also write the report as Markdown for a pull-request body
  --ignore-pattern <glob> leave out matching paths (relative to the working directory; '*' within
                         a name, '**' across folders, a pattern without '/' matches any name);
                         repeatable, on top of .gitignore
  --issuer <url>         the issuer where the code does not show it
  --audience <aud>       the API's audience where the code does not show it (default api://default)
  --to-custom-as         org-as-introspection: move to <org>/oauth2/default instead of introspecting
  --helper-path <path>   where to write the runtime helper module (default: src/oidc-runtime.js)
  --helper-import <spec> import the runtime helpers from this module instead of writing one
  --force                write even when the git tree has uncommitted changes, or into files
                         that are in no git work tree
  --version              print the version and exit
  -h, --help             show this help

Writes stay inside the git work tree of the paths given (without git, inside the package of each path),
go through a temporary file and a rename, and only one writing run per git repository runs at a time.

Exit codes:
  0    success (every file migrated or left as it was)
  1    with --check: something would change
  2    bad usage, a path that does not exist, a dirty tree, files outside git without --force,
       another run in progress: nothing was written
  3    the run finished, but some files were skipped (could not be read, parsed, settled or
       written): they are listed and left unchanged, the others are migrated
  130  interrupted (every file is then either as it was or fully rewritten)`;

export function parseCliArguments(argv: readonly string[]): CliArguments | 'help' | 'version' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        transform: { type: 'string', multiple: true },
        'dry-run': { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        issuer: { type: 'string' },
        audience: { type: 'string' },
        'to-custom-as': { type: 'boolean', default: false },
        'helper-path': { type: 'string' },
        'helper-import': { type: 'string' },
        force: { type: 'boolean', default: false },
        'ignore-pattern': { type: 'string', multiple: true },
        'report-md': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    // Node's own wording, first sentence only: "Unknown option '--x'", "Option '--issuer <value>' argument missing".
    throw new UsageError(error instanceof Error ? (error.message.split('. ')[0] ?? error.message) : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';
  const transforms = (values.transform ?? [...TRANSFORM_NAMES]) as string[];
  for (const name of transforms) {
    if (!TRANSFORM_NAMES.includes(name as TransformName)) throw new UsageError(`unknown transform '${name}' (known: ${TRANSFORM_NAMES.join(', ')})`);
  }
  if (positionals.length === 0) throw new UsageError('no paths given: name the files or folders to migrate');
  if (values['helper-path'] !== undefined && values['helper-import'] !== undefined) {
    throw new UsageError('--helper-path and --helper-import exclude each other: write the helper, or import an existing one');
  }
  if (values.issuer !== undefined && !/^https:\/\/[^/\s]+/.test(values.issuer)) throw new UsageError(`--issuer must be an https URL, not '${values.issuer}'`);
  if (values.audience !== undefined && values.audience.trim() === '') throw new UsageError('--audience must not be empty');
  if (values['helper-import'] !== undefined && values['helper-import'].trim() === '') throw new UsageError('--helper-import must not be empty');
  const ignorePatterns = values['ignore-pattern'] ?? [];
  for (const pattern of ignorePatterns) {
    if (pattern.trim() === '') throw new UsageError('--ignore-pattern must not be empty');
  }
  if (values['report-md'] !== undefined && values['report-md'].trim() === '') throw new UsageError('--report-md must name a file');
  // Keep the order the transforms run in fixed, whatever order they were named in.
  const ordered = TRANSFORM_NAMES.filter((name) => transforms.includes(name));
  return {
    transforms: ordered,
    dryRun: values['dry-run']!,
    check: values.check!,
    json: values.json!,
    ...(values.issuer !== undefined ? { issuer: values.issuer } : {}),
    ...(values.audience !== undefined ? { audience: values.audience } : {}),
    toCustomAs: values['to-custom-as']!,
    ...(values['helper-path'] !== undefined ? { helperPath: values['helper-path'] } : {}),
    ...(values['helper-import'] !== undefined ? { helperImport: values['helper-import'] } : {}),
    force: values.force!,
    ignorePatterns,
    ...(values['report-md'] !== undefined ? { reportMarkdown: values['report-md'] } : {}),
    paths: positionals,
  };
}

/**
 * What the command line asks about its output, read without checking it, so that a usage error is still
 * reported as `--json` and `--report-md` promise.
 */
export function requestedOutputs(argv: readonly string[]): { json: boolean; reportMarkdown?: string } {
  let reportMarkdown: string | undefined;
  let json = false;
  for (const [index, arg] of argv.entries()) {
    if (arg === '--') break;
    if (arg === '--json') json = true;
    else if (arg === '--report-md' && argv[index + 1] !== undefined && !argv[index + 1]!.startsWith('-')) reportMarkdown = argv[index + 1];
    else if (arg.startsWith('--report-md=')) reportMarkdown = arg.slice('--report-md='.length);
  }
  return { json, ...(reportMarkdown ? { reportMarkdown } : {}) };
}
