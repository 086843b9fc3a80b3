import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig([
  // The library and its subpaths: ESM and CommonJS with declarations.
  {
    entry: {
      index: 'src/index.ts',
      import: 'src/import/index.ts',
      demo: 'src/demo/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    tsconfig: 'tsconfig.build.json',
    splitting: false,
    treeshake: true,
  },
  // The command line (the imperative shell), ESM only, with its shebang.
  {
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    tsconfig: 'tsconfig.build.json',
    splitting: false,
    banner: { js: '#!/usr/bin/env node' },
    define: { __VERSION__: JSON.stringify(version) },
  },
]);
