// Writes the tsconfig that type-aware linting uses: one program over the given files.
import { writeFileSync } from 'node:fs';

export function writeTsconfig(path, files) {
  const config = {
    compilerOptions: {
      target: 'es2022',
      lib: ['es2023', 'dom', 'dom.iterable'],
      module: 'esnext',
      moduleResolution: 'bundler',
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      allowJs: true,
      checkJs: false,
      jsx: 'react-jsx',
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      resolveJsonModule: true,
      types: [],
    },
    files,
  };
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`);
  return path;
}
