import { defineConfig } from 'tsup';

export default defineConfig([
  // One build, two module systems: `import` gets ESM, `require` gets CommonJS, each with its declarations.
  {
    entry: {
      index: 'src/index.ts',
      'runtime/index': 'src/runtime/index.ts',
      // jscodeshift transform modules: `jscodeshift -t node_modules/eslint-plugin-oidc/dist/codemods/<name>.cjs`.
      'codemods/jwks-discovery': 'codemods/jwks-discovery.ts',
      'codemods/org-as-introspection': 'codemods/org-as-introspection.ts',
      'codemods/id-token-to-access-token': 'codemods/id-token-to-access-token.ts',
    },
    format: ['esm', 'cjs'],
    // tsup's declaration build sets `baseUrl`, which TypeScript 6 deprecates.
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    clean: true,
    target: 'node20',
    platform: 'node',
    sourcemap: false,
    splitting: false,
    shims: false,
  },
  // The command line: ESM, with its shebang. Split into chunks, so that the parsers, the analyses and
  // ts-morph (imported dynamically) load only when a file needs them: `--help` starts without them.
  {
    entry: { 'oidc-codemod': 'src/cli/oidc-codemod.ts' },
    outDir: 'dist/cli',
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    splitting: true,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
