/**
 * oidc/no-hardcoded-jwt-key: verification keys must come from the issuer's JWKS, resolved at run time.
 * Providers rotate signing keys; a pinned key breaks on rotation or keeps trusting a retired key.
 */
import { relative, resolve } from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { textFactsOf, valueOracleOf } from '../src/analysis/eslint.js';
import { pinnedKeyFindings, remoteJwksEdit, type PinnedKeyFinding } from '../src/analysis/pinned-keys.js';
import type { AstNode } from '../src/analysis/syntax.js';
import { verificationAnalysisFor } from '../src/analysis/verify-sites.js';
import { callProvider, siteProvider } from '../src/analysis/site-providers.js';
import { createRule } from '../src/create-rule.js';
import { describeKeyMaterial } from '../src/knowledge/keys.js';
import { providerProfile, type ProviderId } from '../src/knowledge/providers/index.js';
import { fixerFor } from './fix/edits.js';

export type Options = [
  {
    allowKeyFiles?: boolean;
    reportSelfIssued?: boolean;
  },
];

export type MessageIds =
  | 'pinnedKey'
  | 'providerPinnedKey'
  | 'pinnedKeyFile'
  | 'pinnedKeyConfigFile'
  | 'embeddedKey'
  | 'pinnedKeyConstant'
  | 'pinnedKeyImport'
  | 'providerPinnedKeyImport'
  | 'selfIssuedKey'
  | 'useRemoteJwks';

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-jwt-key',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow JWT verification keys written into source or read from a fixed file; resolve them from the issuer's JWKS",
      recommended: 'recommended',
      strictOptions: [{ reportSelfIssued: true }],
    },
    hasSuggestions: true,
    messages: {
      pinnedKey:
        "{{material}} is pinned as the key that verifies these tokens. Providers rotate signing keys, so this breaks or trusts a retired key: resolve keys at run time from the issuer's jwks_uri (discovery, e.g. createRemoteJWKSet).",
      providerPinnedKey: '{{material}} is pinned as the key that verifies these {{provider}} tokens, so verification breaks or trusts a retired key when the keys rotate. {{advice}}',
      pinnedKeyConfigFile:
        "{{path}} pins the {{provider}} key ('{{option}}') this adapter verifies tokens with, so verification breaks or trusts a retired key when the keys rotate. {{advice}}",
      providerPinnedKeyImport: '{{material}} is loaded here as a {{provider}} verification key, so verification breaks or trusts a retired key when the keys rotate. {{advice}}',
      pinnedKeyFile:
        "The key that verifies these tokens is read from the fixed file {{path}}. Providers rotate signing keys, so this breaks or trusts a retired key: resolve keys at run time from the issuer's jwks_uri (discovery, e.g. createRemoteJWKSet).",
      embeddedKey:
        "EmbeddedJWK trusts the key that the token carries itself, so anyone can sign a token that passes: resolve keys from the issuer's jwks_uri (createRemoteJWKSet).",
      pinnedKeyConstant:
        "'{{name}}' holds {{material}} for a verifier to import. Providers rotate signing keys, so a pinned key breaks or trusts a retired key: resolve keys at run time from the issuer's jwks_uri instead.",
      pinnedKeyImport:
        "{{material}} is turned into a verification key here. Providers rotate signing keys, so a pinned key breaks or trusts a retired key: resolve keys at run time from the issuer's jwks_uri (createRemoteJWKSet).",
      selfIssuedKey:
        '{{material}} verifies tokens this project signs itself. Rotating a pinned key means a release: publish the public key as a JWKS (or keep it in a key store) and resolve it by kid, so that the signing key can rotate.',
      useRemoteJwks: 'Resolve keys from {{jwksUri}} at run time, with caching.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowKeyFiles: {
            type: 'boolean',
            description: 'Allow keys read from a fixed path, for teams that mount keys there from a secret store that rotates them.',
          },
          reportSelfIssued: {
            type: 'boolean',
            description:
              'Also report pinned keys that verify tokens the project issues itself (the module signs tokens and the verification expects no identity provider issuer). Off by default; on in the strict preset.',
          },
        },
      },
    ],
    defaultOptions: [{ allowKeyFiles: false, reportSelfIssued: false }],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const facts = textFactsOf(context);
    const filename = context.physicalFilename ?? context.filename;
    // Hosts without `cwd` (older oxlint) read config files relative to the process, as the adapter does.
    const cwd = (context as { cwd?: string }).cwd ?? process.cwd();
    const files = filename && !filename.startsWith('<') ? { filename: resolve(cwd, filename), cwd } : undefined;
    const mentionsModule = facts.mentionsKnownModule;
    if (!mentionsModule && !facts.mentionsKeyMaterial) return {};

    return {
      Program(program) {
        const analysis = verificationAnalysisFor(program as unknown as AstNode, valueOracleOf(context));
        const index = analysis.resolver.index;
        for (const finding of pinnedKeyFindings(analysis, sourceCode.text, { ...options, ...(files ? { files } : {}) }, mentionsModule)) {
          context.report({ node: finding.node as unknown as TSESTree.Node, ...describe(finding) });
        }

        function describe(finding: PinnedKeyFinding): Omit<TSESLint.ReportDescriptor<MessageIds>, 'node' | 'loc'> {
          const suggest = (): TSESLint.SuggestionReportDescriptor<MessageIds>[] => {
            if (finding.kind !== 'material' && finding.kind !== 'file') return [];
            const remote = remoteJwksEdit(finding.site, sourceCode.text, index);
            return remote ? [{ messageId: 'useRemoteJwks', data: { jwksUri: remote.jwksUri }, fix: fixerFor(remote.edits) }] : [];
          };
          if (finding.selfIssued && finding.kind !== 'embedded-jwk') {
            const material = finding.kind === 'file' ? `The key read from ${finding.path}` : capitalize(describeKeyMaterial(finding.material));
            return { messageId: 'selfIssuedKey', data: { material } };
          }
          // Okta's advice is the general one (discovery, the issuer's jwks_uri): the general messages say it.
          const provider = findingProvider(finding);
          const profile = provider && provider !== 'okta' ? providerProfile(provider) : undefined;
          switch (finding.kind) {
            case 'material':
              if (profile) {
                return {
                  messageId: 'providerPinnedKey',
                  data: { material: capitalize(describeKeyMaterial(finding.material)), provider: profile.name, advice: profile.advice.pinnedKey },
                  suggest: suggest(),
                };
              }
              return { messageId: 'pinnedKey', data: { material: capitalize(describeKeyMaterial(finding.material)) }, suggest: suggest() };
            case 'config-file':
              return {
                messageId: 'pinnedKeyConfigFile',
                data: { path: relative(cwd, finding.path) || finding.path, option: finding.option, provider: profile?.name ?? 'issuer', advice: profile?.advice.pinnedKey ?? '' },
              };
            case 'file':
              return { messageId: 'pinnedKeyFile', data: { path: finding.path }, suggest: suggest() };
            case 'embedded-jwk':
              return { messageId: 'embeddedKey' };
            case 'key-import':
              if (profile) {
                return { messageId: 'providerPinnedKeyImport', data: { material: capitalize(describeKeyMaterial(finding.material)), provider: profile.name, advice: profile.advice.pinnedKey } };
              }
              return { messageId: 'pinnedKeyImport', data: { material: capitalize(describeKeyMaterial(finding.material)) } };
            case 'constant':
              return { messageId: 'pinnedKeyConstant', data: { name: finding.name, material: describeKeyMaterial(finding.material) } };
          }
        }
      },
    };
  },
});

/** The provider whose tokens the pinned key verifies, where the site or the library tells. */
function findingProvider(finding: PinnedKeyFinding): ProviderId | undefined {
  switch (finding.kind) {
    case 'material':
    case 'file':
    case 'config-file':
      return siteProvider(finding.site);
    case 'key-import':
      return callProvider(finding.call);
    default:
      return undefined;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
