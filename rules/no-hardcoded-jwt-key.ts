/**
 * oidc/no-hardcoded-jwt-key: verification keys must come from the issuer's JWKS, resolved at run time.
 * Providers rotate signing keys; a pinned key breaks on rotation or keeps trusting a retired key.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { typeOracleOf } from '../src/analysis/eslint.js';
import { indexFile, type FileIndex } from '../src/analysis/file-index.js';
import { unwrap, type AstNode } from '../src/analysis/syntax.js';
import { knownString, toPlain } from '../src/analysis/values.js';
import { verificationAnalysisFor, type VerificationAnalysis, type VerificationSite } from '../src/analysis/verify-sites.js';
import { createRule } from '../src/create-rule.js';
import { jwksUriOf } from '../src/knowledge/issuers.js';
import { classifyJwkValue, classifyKeyText, describeKeyMaterial, mentionsKeyMaterial, type KeyMaterial } from '../src/knowledge/keys.js';
import { mentionsKnownModule, type LibraryId } from '../src/knowledge/libraries.js';
import { ensureNamedImport, insertionPointAfterImports } from './fix/imports.js';

export type Options = [
  {
    allowKeyFiles?: boolean;
  },
];

export type MessageIds = 'pinnedKey' | 'pinnedKeyFile' | 'embeddedKey' | 'pinnedKeyConstant' | 'pinnedKeyImport' | 'useRemoteJwks';

/** How each library takes a remote key set instead of a key: the module and export to call, and where. */
const REMOTE_KEY_SETS: Partial<Record<LibraryId, { module: string; name: string; replaces: 'argument' | 'option'; option?: string }>> = {
  jose: { module: 'jose', name: 'createRemoteJWKSet', replaces: 'argument' },
  'express-jwt': { module: 'jwks-rsa', name: 'expressJwtSecret', replaces: 'option' },
  'koa-jwt': { module: 'jwks-rsa', name: 'koaJwtSecret', replaces: 'option' },
  'passport-jwt': { module: 'jwks-rsa', name: 'passportJwtSecret', replaces: 'option', option: 'secretOrKeyProvider' },
};

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-jwt-key',
  meta: {
    type: 'problem',
    docs: {
      description: "Disallow JWT verification keys written into source or read from a fixed file; resolve them from the issuer's JWKS",
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      pinnedKey:
        "{{material}} is pinned as the key that verifies these tokens. Providers rotate signing keys, so this breaks or trusts a retired key: resolve keys at run time from the issuer's jwks_uri (discovery, e.g. createRemoteJWKSet).",
      pinnedKeyFile:
        "The key that verifies these tokens is read from the fixed file {{path}}. Providers rotate signing keys, so this breaks or trusts a retired key: resolve keys at run time from the issuer's jwks_uri (discovery, e.g. createRemoteJWKSet).",
      embeddedKey:
        "EmbeddedJWK trusts the key that the token carries itself, so anyone can sign a token that passes: resolve keys from the issuer's jwks_uri (createRemoteJWKSet).",
      pinnedKeyConstant:
        "'{{name}}' holds {{material}} for a verifier to import. Providers rotate signing keys, so a pinned key breaks or trusts a retired key: resolve keys at run time from the issuer's jwks_uri instead.",
      pinnedKeyImport:
        "{{material}} is turned into a verification key here. Providers rotate signing keys, so a pinned key breaks or trusts a retired key: resolve keys at run time from the issuer's jwks_uri (createRemoteJWKSet).",
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
        },
      },
    ],
    defaultOptions: [{ allowKeyFiles: false }],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const mentionsModule = mentionsKnownModule(sourceCode.text);
    if (!mentionsModule && !mentionsKeyMaterial(sourceCode.text)) return {};

    return {
      Program(program) {
        const root = program as unknown as AstNode;
        const analysis = verificationAnalysisFor(root, typeOracleOf(context));
        const index = analysis.resolver.index;
        const reportedNodes = new Set<AstNode>();
        const coveredMaterial = new Set<AstNode>();

        const report = (descriptor: TSESLint.ReportDescriptor<MessageIds>, node: AstNode, material?: AstNode) => {
          if (material) coveredMaterial.add(material);
          if (reportedNodes.has(node)) return;
          reportedNodes.add(node);
          context.report(descriptor);
        };

        if (mentionsModule) {
          for (const site of analysis.sites()) {
            const key = site.key;
            const slot = site.keySlot;
            if (!key || !slot) continue;
            const node = slot.node;
            const at = node as unknown as TSESTree.Node;
            if (key.kind === 'material') {
              report(
                {
                  node: at,
                  messageId: 'pinnedKey',
                  data: { material: capitalize(describeKeyMaterial(key.material)) },
                  suggest: remoteJwksSuggestion(site, sourceCode, index),
                },
                node,
                key.node,
              );
            } else if (key.kind === 'file' && key.fixed && !options.allowKeyFiles) {
              const path = knownString(key.path) ?? sourceCode.getText((key.node.arguments as AstNode[])[0] as unknown as TSESTree.Node);
              report({ node: at, messageId: 'pinnedKeyFile', data: { path }, suggest: remoteJwksSuggestion(site, sourceCode, index) }, node);
            } else if (key.kind === 'embedded-jwk') {
              report({ node: at, messageId: 'embeddedKey' }, node);
            }
          }

          // Key imports of written-out material that reach no verification this file can see.
          for (const call of analysis.resolver.apiCalls()) {
            if (call.api.role !== 'key-import' && call.api.role !== 'local-key-set') continue;
            const material = analysis.slot(call, call.api.material);
            if (!material) continue;
            const source = analysis.keySource(material.node);
            if (source.kind !== 'material' || coveredMaterial.has(source.node)) continue;
            report(
              { node: material.node as unknown as TSESTree.Node, messageId: 'pinnedKeyImport', data: { material: capitalize(describeKeyMaterial(source.material)) } },
              material.node,
              source.node,
            );
          }
        }

        for (const constant of exportedKeyConstants(root, analysis)) {
          if (coveredMaterial.has(constant.valueNode)) continue;
          report(
            {
              node: constant.id as unknown as TSESTree.Node,
              messageId: 'pinnedKeyConstant',
              data: { name: constant.id.name as string, material: describeKeyMaterial(constant.material) },
            },
            constant.id,
          );
        }
      },
    };
  },
});

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

interface KeyConstant {
  readonly id: AstNode;
  readonly valueNode: AstNode;
  readonly material: KeyMaterial;
}

/**
 * Module-level constants that hold a PEM public key or certificate, a JWK or a JWK Set, and that the
 * module exports for a verifier elsewhere. Constants used only inside the module (a SAML certificate,
 * say) are judged where they are used.
 */
function exportedKeyConstants(program: AstNode, analysis: VerificationAnalysis): KeyConstant[] {
  const index = indexFile(program);
  const constants: KeyConstant[] = [];
  for (const statement of program.body as AstNode[]) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? (statement.declaration as AstNode | null) : statement;
    if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') continue;
    for (const declarator of declaration.declarations as AstNode[]) {
      const id = declarator.id as AstNode;
      if (id.type !== 'Identifier' || !declarator.init || !mayHoldKeyMaterial(unwrap(declarator.init as AstNode))) continue;
      const value = analysis.values.evaluate(declarator.init as AstNode);
      let material: KeyMaterial | undefined;
      if (value.kind === 'string' || value.kind === 'partial-string') {
        const text = classifyKeyText(value.kind === 'string' ? value.value : value.parts);
        if (text.kind === 'material' && text.material.kind === 'pem') material = text.material;
      } else if (value.kind === 'object' || value.kind === 'array') {
        material = classifyJwkValue(toPlain(value));
      }
      if (!material) continue;
      const binding = index.resolve(id);
      const exported = statement.type === 'ExportNamedDeclaration' || (!!binding && index.isExported(binding));
      if (exported) constants.push({ id, valueNode: 'node' in value && value.node ? value.node : (declarator.init as AstNode), material });
    }
  }
  return constants;
}

/** Cheap syntactic test before evaluating a constant. */
function mayHoldKeyMaterial(init: AstNode): boolean {
  switch (init.type) {
    case 'Literal':
    case 'StringLiteral':
    case 'TemplateLiteral':
    case 'BinaryExpression':
    case 'ObjectExpression':
    case 'CallExpression':
      return true;
    default:
      return false;
  }
}

/**
 * Replace the key with a remote JWKS resolved from the site's issuer, keeping the rest of the call. Only
 * where the issuer is a known string whose JWKS URL follows from its shape, and the library takes a
 * remote key set.
 */
function remoteJwksSuggestion(
  site: VerificationSite,
  sourceCode: Readonly<TSESLint.SourceCode>,
  index: FileIndex,
): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  const issuer = knownString(site.issuer?.value);
  const jwksUri = issuer === undefined ? undefined : jwksUriOf(issuer);
  const target = REMOTE_KEY_SETS[site.library];
  const slot = site.keySlot;
  if (!jwksUri || !target || !slot) return [];
  const edit = ensureNamedImport(sourceCode, index, target.module, target.name);
  if (!edit) return [];
  const url = JSON.stringify(jwksUri).replace(/^"|"$/g, "'");

  if (target.replaces === 'argument') {
    // A module-level key set, so that keys are cached across calls rather than fetched per request.
    const name = ['jwks', 'issuerJwks', 'remoteJwks'].find((candidate) => !index.lookup(candidate, slot.node) && !index.moduleBindings().has(candidate));
    const after = insertionPointAfterImports(index.program);
    if (!name || !after) return [];
    return [
      {
        messageId: 'useRemoteJwks',
        data: { jwksUri },
        fix: (fixer) => [
          ...edit.fix(fixer),
          fixer.insertTextAfter(after as unknown as TSESTree.Node, `\nconst ${name} = ${edit.reference}(new URL(${url}));`),
          fixer.replaceText(slot.node as unknown as TSESTree.Node, name),
        ],
      },
    ];
  }

  // Options objects: replace the property that carries the key.
  const member = index.parentOf(slot.node);
  if (!member || (member.type !== 'Property' && member.type !== 'ObjectProperty') || member.value !== slot.node) return [];
  const keyText = target.option ?? sourceCode.getText(member.key as unknown as TSESTree.Node);
  return [
    {
      messageId: 'useRemoteJwks',
      data: { jwksUri },
      fix: (fixer) => [
        ...edit.fix(fixer),
        fixer.replaceText(member as unknown as TSESTree.Node, `${keyText}: ${edit.reference}({ jwksUri: ${url}, cache: true, rateLimit: true })`),
      ],
    },
  ];
}

