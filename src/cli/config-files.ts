/**
 * Configuration the code cannot show: `.env` files and their samples, and JSON or YAML configuration, whose
 * issuer values point at an Okta org authorization server (or are malformed). Reported for review, never
 * rewritten: the values belong to each deployment.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { classifyIssuer, isOrgIssuer } from '../knowledge/issuers.js';
import { gitTopLevel } from './files.js';

export interface ConfigFinding {
  readonly path: string;
  readonly line: number;
  readonly reason: string;
}

const CONFIG_FILE = /^\.env(\..+)?$|\.(json|ya?ml)$/;
const SKIPPED = new Set(['node_modules', '.git', 'dist', 'build', 'coverage', 'package-lock.json', 'tsconfig.json']);
/** Keys that hold an issuer or the org URL: `OKTA_ISSUER`, `issuer`, `OKTA_ORG_URL`, `oktaDomain`. */
const ISSUER_KEY = /issuer|org_?url|okta_?(domain|url|base)/i;
const URL_VALUE = /https:\/\/[^\s"'`,}]+/g;

function configFiles(paths: readonly string[]): string[] {
  const found: string[] = [];
  for (const given of paths) {
    const path = resolve(given);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      continue;
    }
    if (!isDirectory) {
      if (CONFIG_FILE.test(basename(path))) found.push(path);
      continue;
    }
    const top = gitTopLevel(path);
    if (top) {
      // Samples (`.env.example`) are tracked; real `.env` files are usually ignored, and read all the same.
      const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--', relative(top, path) || '.'], { cwd: top, encoding: 'utf8' });
      for (const file of tracked.split('\0').filter(Boolean)) {
        if (CONFIG_FILE.test(basename(file)) && !file.split('/').some((part) => SKIPPED.has(part))) found.push(join(top, file));
      }
    } else {
      const walk = (folder: string) => {
        for (const entry of readdirSync(folder, { withFileTypes: true })) {
          if (SKIPPED.has(entry.name) || entry.isSymbolicLink()) continue;
          const child = join(folder, entry.name);
          if (entry.isDirectory()) walk(child);
          else if (entry.isFile() && CONFIG_FILE.test(entry.name)) found.push(child);
        }
      };
      walk(path);
    }
  }
  return [...new Set(found)];
}

export function scanConfigFiles(paths: readonly string[], orgIssuers: readonly string[] = []): ConfigFinding[] {
  const findings: ConfigFinding[] = [];
  for (const path of configFiles(paths)) {
    let text: string;
    try {
      if (statSync(path).size > 1024 * 1024) continue;
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    text.split(/\r?\n/).forEach((line, index) => {
      const key = /^\s*(?:export\s+)?["']?([\w.-]+)["']?\s*[:=]/.exec(line)?.[1];
      if (!key || !ISSUER_KEY.test(key)) return;
      for (const url of line.match(URL_VALUE) ?? []) {
        const shape = classifyIssuer(url, { orgIssuers });
        if (isOrgIssuer(shape) || (shape.kind === 'okta-org' && shape.endpoint === 'keys')) {
          findings.push({ path, line: index + 1, reason: `${key} is the Okta org authorization server ${url}: APIs must introspect its access tokens, or use a custom authorization server (${url.replace(/\/+$/, '').replace(/\/oauth2\/v1\/.*$/, '')}/oauth2/default)` });
        } else if (shape.kind === 'okta-malformed') {
          findings.push({ path, line: index + 1, reason: `${key} is not a valid Okta issuer (${url}: ${shape.problem.replace(/-/g, ' ')})` });
        }
      }
    });
  }
  return findings;
}
