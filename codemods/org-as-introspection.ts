/**
 * org-as-introspection: access tokens of an Okta org authorization server, verified locally, are checked
 * at the org's introspection endpoint instead (`createTokenIntrospector`, which fails closed on inactive
 * tokens); or, with `--to-custom-as`, the verification moves to the org's default custom authorization
 * server (`<org>/oauth2/default`, audience `api://default`). Tokens of other providers' own APIs (Microsoft
 * Graph, Auth0's /userinfo and Management API), which only the provider may validate, are reported for review.
 */
import { quoted, replaceNode, textOf } from '../src/analysis/edits.js';
import { foreignTokenFindings } from '../src/analysis/foreign-tokens.js';
import { orgServerFindings, type OrgAccessTokenFinding, type OrgServerFinding } from '../src/analysis/org-server-use.js';
import { DEFAULT_CUSTOM_AS_AUDIENCE, repairedOktaIssuerText, type MissingServerIdReading } from '../src/knowledge/issuers.js';
import { isClassField, objectMemberValue, rangeOf, unwrap, type AstNode } from '../src/analysis/syntax.js';
import { knownString } from '../src/analysis/values.js';
import { bindingsRead, isHoistable } from './lib/hoisting.js';
import { HelperInstances } from './lib/helper-instances.js';
import { newConfig, requiredText, type HelperConfig } from './lib/helper-config.js';
import { addIntrospectionAudience } from './lib/introspection-audience.js';
import { jwksDiscovery } from './jwks-discovery.js';
import { defineTransform, environmentSetting, type TransformContext } from './lib/transformer.js';
import { rewriteIntrospectingMiddleware, runtimeNamesIn } from './lib/middleware/introspecting.js';
import { isObjectLiteral, propertyNamed } from './lib/middleware/options.js';
import { foreignTokenReason } from './lib/provider-discovery.js';
import { removeUnused } from './lib/unused.js';
import { applyCallRewrite, rewriteVerificationCall, type CallRewrite } from './lib/verification-rewrites.js';

const INSTANCE = '\u0000introspector\u0000';

function rewrite(context: TransformContext): void {
  const findings = orgServerFindings(context.analysis, context.tokens, context.source, { orgIssuers: context.options.orgIssuers ?? [] });
  const helpers = new HelperInstances(context);
  const replaced: (readonly [number, number])[] = [];
  const keep = new Set<unknown>();

  // Malformed issuers go first, alone: once repaired, the transform runs again on the result (a handoff to
  // itself), which sees what each repaired site now is (a custom server's, left as it is; an org's, introspected).
  const malformed = findings.filter((finding) => finding.kind === 'malformed-issuer');
  let repaired = false;
  for (const finding of malformed) repaired = repairMalformedIssuer(context, finding) || repaired;
  if (repaired) return;

  for (const finding of findings) {
    if (finding.kind === 'malformed-issuer') continue;
    if (context.options.toCustomAs) {
      if (finding.toCustomServer.length === 0) {
        context.review(finding.node, `the org URL is not written as a literal here: switch to '${finding.customIssuer}' by hand`);
        continue;
      }
      if (finding.site.key?.kind === 'material' || finding.site.key?.kind === 'file') {
        // A pinned org key would reject every token of the custom server: its keys come by discovery instead.
        if (finding.site.api.id !== 'jsonwebtoken.verify' && finding.site.api.id !== 'jose.jwtVerify') {
          context.review(finding.node, `the org key is pinned and ${finding.site.library} takes a key, not a verifier: switch to '${finding.customIssuer}' and resolve its keys from its JWKS by hand`);
          continue;
        }
        if (context.runtimeUnavailable) {
          context.review(finding.node, context.runtimeUnavailable);
          continue;
        }
        context.handOff('jwks-discovery', finding.node, true);
      }
      context.edit(...finding.toCustomServer);
      context.rewrote(finding.node);
      context.review(finding.node, `now verifies tokens of '${finding.customIssuer}': make sure the custom authorization server exists and issues the scopes your clients request`);
      continue;
    }

    if (context.runtimeUnavailable) {
      const pinned = finding.site.key?.kind === 'material' || finding.site.key?.kind === 'file';
      context.review(finding.node, pinned ? context.runtimeUnavailable : `${context.runtimeUnavailable}; or run with --to-custom-as, which keeps the verification where it is`);
      continue;
    }
    const config = introspectorConfig(context, finding);
    if ('reason' in config) {
      context.review(finding.site.call.node, config.reason);
      continue;
    }
    const call = introspectionCall(context, finding);
    if (!call.ok) {
      context.review(finding.site.call.node, call.reason);
      continue;
    }
    const instance = helpers.instance('createTokenIntrospector', config.properties, finding.site.call.node, config.reads, config.notes.join('; ') || undefined);
    if (!instance.ok) {
      context.review(finding.site.call.node, instance.reason);
      continue;
    }
    const { name } = instance;
    applyCallRewrite(context, finding.site, call.rewrite, INSTANCE, name, (text) => runtimeNamesIn(text, helpers));
    leftInPublicField(context, finding);
    replaced.push(...call.rewrite.replaced);
    for (const binding of config.reads) keep.add(binding);
    for (const node of call.rewrite.copied) for (const binding of bindingsRead(context.index, node)) keep.add(binding);
    context.rewrote(finding.site.call.node);
    for (const note of config.notes) context.review(finding.site.call.node, note);
  }

  // Org servers' tokens are one case of tokens only the provider may validate; the others (Microsoft Graph,
  // Auth0's /userinfo and Management API) have no introspection to move to: the fix is another token, for
  // review. Sites with a pinned key are jwks-discovery's, which says the same.
  for (const finding of foreignTokenFindings(context.analysis)) {
    const key = finding.site.key?.kind;
    if (key === 'material' || key === 'file') continue;
    context.review(finding.node, foreignTokenReason(finding));
  }

  if (replaced.length === 0) return;
  context.edit(...helpers.edits(), ...removeUnused(context.source, context.index, context.analysis.resolver, replaced, keep));
}

type MalformedIssuerFinding = Extract<OrgServerFinding, { kind: 'malformed-issuer' }>;

/**
 * Repairs a malformed Okta issuer where the repair is certain (the Admin Console's `-admin` host) or follows from the
 * user's choice (`/oauth2` without a server id: `--to-custom-as`, or an expected audience of `api://default`, mean the
 * default custom server; otherwise the org, whose tokens are then introspected), where the value is written. Reports
 * the repair, or why there is none. Returns whether it edited.
 */
function repairMalformedIssuer(context: TransformContext, finding: MalformedIssuerFinding): boolean {
  const { fact, problem } = finding;
  if (problem === 'placeholder') {
    context.review(finding.node, `'${fact.text}' still holds a quickstart placeholder, which no tool can fill in: write your Okta org's URL (https://<your-org>.okta.com, followed by /oauth2/<server id> for a custom authorization server), or read it from your configuration`);
    return false;
  }
  // The audience may be given where the verifier is used (`verifier.verifyAccessToken(token, 'api://default')`).
  const defaultAudience = context.analysis
    .sites()
    .filter((site) => site === finding.site || (site.issuer !== undefined && site.issuer.node === finding.node))
    .some((site) => site.audience !== undefined && knownString(site.audience.value) === DEFAULT_CUSTOM_AS_AUDIENCE);
  const reading: MissingServerIdReading = context.options.toCustomAs || defaultAudience ? 'default-custom-server' : 'org';
  const written = fact.node ? textOf(context.source, fact.node) : undefined;
  const text = written === undefined ? undefined : repairedOktaIssuerText(written, problem, reading);
  if (!fact.node || text === undefined) {
    context.review(finding.node, `'${fact.text}' is not a valid Okta issuer (${problem === 'admin-host' ? 'the -admin host serves the Admin Console, not tokens' : '/oauth2 needs an authorization server id'}) and is not written here as one literal: fix it where it is defined, then run again`);
    return false;
  }
  context.edit(replaceNode(fact.node, text));
  context.rewrote(finding.node);
  context.handOff('org-as-introspection', finding.node, false);
  const now = text.replace(/^['"`]|['"`]$/g, '');
  if (problem === 'admin-host') {
    context.review(finding.node, `the issuer was '${fact.text}', on the Admin Console's host, which issues no tokens; it is now '${now}', the same URL without -admin: check that it is the issuer your tokens name`);
  } else if (reading === 'default-custom-server') {
    const why = context.options.toCustomAs ? 'as --to-custom-as asks' : `as the expected audience '${DEFAULT_CUSTOM_AS_AUDIENCE}' (the default custom server's) says`;
    context.review(finding.node, `the issuer was '${fact.text}', with no authorization server id; it is now '${now}', the default custom authorization server, ${why}: check that your tokens come from that server`);
  } else {
    context.review(finding.node, `the issuer was '${fact.text}', with no authorization server id; it is now the org, '${now}', whose access tokens are introspected (run with --to-custom-as to choose '${now}/oauth2/default' instead): check that your tokens come from the org`);
  }
  return true;
}

/** The org issuer, client credentials from the environment for a person to provide, and the old audience. */
function introspectorConfig(context: TransformContext, finding: OrgAccessTokenFinding): HelperConfig | { reason: string } {
  const config = newConfig();
  const { site } = finding;
  const origin = 'origin' in finding.fact.shape ? finding.fact.shape.origin : undefined;
  let issuer: string | undefined;
  if (finding.kind === 'org-issuer' && site.issuer) {
    // fast-jwt's allowedIss and @fastify/jwt's take a list: one org in it is the introspector's issuer.
    const value = site.issuer.value;
    const only = value.kind === 'array' && value.complete && value.elements.length === 1 ? value.elements[0] : undefined;
    const known = knownString(only ?? value);
    if (known !== undefined) issuer = quoted(context.source, known.replace(/\/+$/, ''));
    else if (value.kind !== 'array' && isHoistable(context.index, site.issuer.node)) {
      issuer = requiredText(context, site.issuer);
      for (const binding of bindingsRead(context.index, site.issuer.node)) config.reads.add(binding);
    }
  }
  issuer ??= origin ? quoted(context.source, origin) : orgOfKeysTemplate(context, finding, config);
  issuer ??= context.options.issuer ? quoted(context.source, context.options.issuer) : undefined;
  if (!issuer) {
    config.notes.push('the org issuer is not in the code: set OKTA_ORG_URL, or run again with --issuer');
    issuer = environmentSetting(context, 'OKTA_ORG_URL');
  }
  let clientId = environmentSetting(context, 'OKTA_CLIENT_ID');
  if (site.clientId && isHoistable(context.index, site.clientId.node)) {
    clientId = requiredText(context, site.clientId);
    for (const binding of bindingsRead(context.index, site.clientId.node)) config.reads.add(binding);
  }
  config.properties.push(['issuer', issuer], ['clientId', clientId], ['clientSecret', environmentSetting(context, 'OKTA_CLIENT_SECRET')]);
  config.notes.push('introspection authenticates a client of the org: set OKTA_CLIENT_SECRET (and OKTA_CLIENT_ID) for it, or switch to private_key_jwt');
  const audience = addIntrospectionAudience(context, site, config, origin);
  return audience.ok ? config : { reason: audience.reason };
}

/**
 * `https://${process.env.OKTA_DOMAIN}/oauth2/v1/keys` names its org as the code configures it: the issuer is the same
 * template without the keys path, as the runtime's own `<org>/oauth2/v1/keys` reads it.
 */
function orgOfKeysTemplate(context: TransformContext, finding: OrgAccessTokenFinding, config: HelperConfig): string | undefined {
  const node = finding.kind === 'org-keys' ? finding.fact.node : undefined;
  if (!node || node.type !== 'TemplateLiteral' || !isHoistable(context.index, node)) return undefined;
  const written = textOf(context.source, node);
  const org = /^(`(?:https:\/\/)?[^/`]+)\/oauth2\/v1\/keys\/?`$/.exec(written)?.[1];
  if (!org) return undefined;
  for (const binding of bindingsRead(context.index, node)) config.reads.add(binding);
  // `${ORG_URL}/oauth2/v1/keys`: the org is ORG_URL itself.
  return /^`\$\{[^{}`]+\}$/.test(org) ? org.slice(3, -1) : `${org}\``;
}

/** An org verifier kept in a field other code may read (private ones go with the rewrite): say so. */
function leftInPublicField(context: TransformContext, finding: OrgAccessTokenFinding): void {
  const maker = finding.site.call.maker?.node;
  const holder = maker ? context.index.parentOf(maker) : undefined;
  if (!holder || !isClassField(holder) || holder.value !== maker || holder.type === 'ClassPrivateProperty' || holder.accessibility === 'private') return;
  const key = holder.key as AstNode;
  const field = key.type === 'Identifier' ? `'${key.name as string}'` : 'a field';
  context.review(holder, `the org verifier stays in ${field}, which other code may read: remove it once nothing does`);
}

type CallResult = { ok: true; rewrite: CallRewrite } | { ok: false; reason: string };

function introspectionCall(context: TransformContext, finding: OrgAccessTokenFinding): CallResult {
  const { site } = finding;
  if (site.api.id === '@okta/jwt-verifier#verifyAccessToken') {
    // `verifier.verifyAccessToken(token, aud)` resolved with `{ claims }`; the introspector keeps that shape.
    const token = site.call.args[0];
    if (!token) return { ok: false, reason: 'the call passes no token: introspect the request\'s token by hand' };
    const text = `${INSTANCE}.introspect(${textOf(context.source, token)}).then((claims) => ({ claims }))`;
    // Claims the verifier asserted are not the introspector's business: said, not dropped in silence.
    const options = site.call.maker ? site.call.maker.args[0] : undefined;
    const asserted = options && isObjectLiteral(unwrap(options)) ? propertyNamed(unwrap(options), 'assertClaims') : undefined;
    const notes = asserted
      ? [`the verifier asserted ${textOf(context.source, objectMemberValue(asserted))}, which introspection does not check: check those claims on the answer by hand (its scopes are the space-separated scope, not scp)`]
      : [];
    return { ok: true, rewrite: { edits: [replaceNode(site.call.node, text)], replaced: [rangeOf(site.call.node)], copied: [token], notes } };
  }
  if (site.library === '@okta/jwt-verifier') {
    // Exported: replaced by the runtime's stand-in when the CLI sees that every user only calls verifyAccessToken.
    return rewriteIntrospectingMiddleware(context, site, INSTANCE) ?? { ok: false, reason: 'the org verifier is exported: its users call verifyAccessToken, which must become createTokenIntrospector(...).introspect(token)' };
  }
  return rewriteVerificationCall(context, site, INSTANCE, 'introspect');
}

const transform = defineTransform('org-as-introspection', rewrite, () => ({ 'jwks-discovery': jwksDiscovery, 'org-as-introspection': transform.run }));
export const orgAsIntrospection = transform.run;
export default transform.jscodeshiftTransform;
