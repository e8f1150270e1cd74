// An @okta/jwt-verifier at an org authorization server, exported for other modules: the CLI replaces it with the
// runtime's introspectingOktaJwtVerifier only when every use it sees in the run is a verifyAccessToken call, and
// otherwise leaves it, naming the module whose use it cannot follow (ID tokens keep their OktaJwtVerifier).
import { describe, expect, it } from 'vitest';
import { commitAll, json, project, read } from '../../cli/support.js';

const VERIFIER = `import OktaJwtVerifier from '@okta/jwt-verifier';

// One verifier for the whole API.
export const oktaJwtVerifier = new OktaJwtVerifier({
  issuer: 'https://acme.okta.com',
  clientId: process.env.OKTA_CLIENT_ID,
  assertClaims: { 'scp.includes': ['orders.read'] },
  cacheMaxAge: 60 * 60 * 1000,
});
`;

const MIDDLEWARE = `import { oktaJwtVerifier } from '../okta/verifier';

export async function requireAccessToken(req, res, next) {
  try {
    const jwt = await oktaJwtVerifier.verifyAccessToken(req.headers.authorization.slice(7), 'https://acme.okta.com');
    res.locals.claims = jwt.claims;
    return next();
  } catch {
    return res.status(401).end();
  }
}
`;

const NAMESPACE = `import * as okta from '../okta/verifier';

export const scopesOf = async (token) => (await okta.oktaJwtVerifier.verifyAccessToken(token, 'https://acme.okta.com')).claims.scp;
`;

const PACKAGE = { name: 'api', private: true, type: 'module', dependencies: { '@okta/jwt-verifier': '^4.0.0' } };

describe('an org OktaJwtVerifier exported for other modules', () => {
  it('becomes introspectingOktaJwtVerifier when every use in the run calls verifyAccessToken; its users stay as they were', async () => {
    const root = project({ 'src/okta/verifier.ts': VERIFIER, 'src/middleware/require-access-token.ts': MIDDLEWARE, 'src/middleware/scopes.ts': NAMESPACE }, { packageJson: PACKAGE });
    const report = await json(root, '.');
    expect(report.code).toBe(0);
    const verifier = read(root, 'src/okta/verifier.ts');
    expect(verifier).toContain("export const oktaJwtVerifier = introspectingOktaJwtVerifier({ introspector: tokenIntrospector, assertClaims: { 'scp.includes': ['orders.read'] } });");
    expect(verifier).toContain("import { createTokenIntrospector, introspectingOktaJwtVerifier } from 'oidc-token-guard';");
    expect(verifier).toContain("createTokenIntrospector({ issuer: 'https://acme.okta.com', clientId: process.env.OKTA_CLIENT_ID!");
    expect(verifier).not.toContain('@okta/jwt-verifier');
    expect(read(root, 'src/middleware/require-access-token.ts')).toBe(MIDDLEWARE);
    expect(read(root, 'src/middleware/scopes.ts')).toBe(NAMESPACE);
    const notes = report.files.find((file) => file.path === 'src/okta/verifier.ts')!.review.map((note) => note.reason);
    expect(notes).toEqual(expect.arrayContaining([expect.stringMatching(/^verifyAccessToken\(token, audience\) now introspects \(called in \.\.\/middleware\/require-access-token\.ts, \.\.\/middleware\/scopes\.ts\)/)]));
    expect(JSON.parse(read(root, 'package.json')).dependencies).toHaveProperty('oidc-token-guard');

    commitAll(root, 'migrated');
    const again = await json(root, '.');
    expect(again.summary.filesChanged).toBe(0);
  });

  it('a CommonJS module.exports = new OktaJwtVerifier(...), required whole, is replaced as well', async () => {
    const root = project(
      {
        'lib/verifier.js': "const OktaJwtVerifier = require('@okta/jwt-verifier');\n\nmodule.exports = new OktaJwtVerifier({ issuer: 'https://acme.okta.com' });\n",
        'lib/auth.js': "const verifier = require('./verifier');\n\nexports.authenticate = (token) => verifier.verifyAccessToken(token, 'https://acme.okta.com');\n",
      },
      { packageJson: { name: 'api', private: true, dependencies: {} } },
    );
    const report = await json(root, '.');
    expect(report.code).toBe(0);
    expect(read(root, 'lib/verifier.js')).toContain('module.exports = introspectingOktaJwtVerifier({ introspector: tokenIntrospector });');
    expect(read(root, 'lib/auth.js')).toContain('verifier.verifyAccessToken(token,');
  });

  it('is left when another module verifies ID tokens with it, or uses it in a way the run cannot follow, naming that module', async () => {
    const cases: [string, string, RegExp][] = [
      [
        'src/login/callback.ts',
        "import { oktaJwtVerifier } from '../okta/verifier';\n\nexport const login = (idToken, nonce) => oktaJwtVerifier.verifyIdToken(idToken, '0oa1b2c3d4e5f6g7h8i9', nonce);\n",
        /another module calls verifyIdToken on it, which introspection has no counterpart for/,
      ],
      [
        'src/registry.ts',
        "import { oktaJwtVerifier } from './okta/verifier';\nimport { register } from './plugins';\n\nregister('okta', oktaJwtVerifier);\n",
        /the org verifier is exported, and \.\.\/registry\.ts:4 uses 'oktaJwtVerifier' other than by calling its methods/,
      ],
      [
        'src/aliased.ts',
        "import { oktaJwtVerifier } from '@/okta/verifier';\n\nexport const check = (token) => oktaJwtVerifier.verifyAccessToken(token, 'https://acme.okta.com');\n",
        /\.\.\/aliased\.ts:1 imports '@\/okta\/verifier', which this run cannot resolve/,
      ],
    ];
    for (const [path, text, reason] of cases) {
      const root = project({ 'src/okta/verifier.ts': VERIFIER, 'src/middleware/require-access-token.ts': MIDDLEWARE, [path]: text }, { packageJson: PACKAGE });
      const report = await json(root, '.');
      expect(report.code, path).toBe(0);
      expect(read(root, 'src/okta/verifier.ts'), path).toBe(VERIFIER);
      const notes = report.files.find((file) => file.path === 'src/okta/verifier.ts')?.review.map((note) => note.reason) ?? [];
      expect(notes, path).toEqual(expect.arrayContaining([expect.stringMatching(reason)]));
    }
  });
});
