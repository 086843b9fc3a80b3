import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/** The package's subpaths (`.`, `./import`, `./demo`) and their source entries. */
const SUBPATHS = {
  index: 'src/index.ts',
  import: 'src/import/index.ts',
  demo: 'src/demo/index.ts',
};

const common = {
  sourcemap: true,
  clean: false,
  target: 'node20',
  platform: 'node',
  tsconfig: 'tsconfig.build.json',
} as const;

export default defineConfig([
  // ESM: one output file per source module under dist/esm (every module an entry, shared code
  // in chunks), so a consumer's bundler keeps only the modules an import reaches
  // (`sideEffects: false`): `getVolumeTier` alone does not pull in the pipeline or io-ts.
  {
    ...common,
    entry: ['src/**/*.ts', '!src/cli/**', '!src/types/**'],
    outDir: 'dist/esm',
    format: ['esm'],
    dts: false,
    splitting: true,
    treeshake: false,
  },
  // CommonJS: one bundled file per subpath.
  {
    ...common,
    entry: SUBPATHS,
    outDir: 'dist',
    format: ['cjs'],
    dts: false,
    splitting: false,
    treeshake: true,
  },
  // The declarations of both formats, one bundle per subpath (dist/*.d.ts, dist/*.d.cts).
  {
    ...common,
    entry: SUBPATHS,
    outDir: 'dist',
    format: ['esm', 'cjs'],
    dts: { only: true },
  },
  // The command line (the imperative shell), ESM only, with its shebang, and the entry of its
  // worker threads (`--workers`), which the CLI finds next to itself as `cli-worker.js`.
  {
    ...common,
    entry: { cli: 'src/cli/bin.ts', 'cli-worker': 'src/cli/worker.ts' },
    outDir: 'dist',
    format: ['esm'],
    dts: false,
    splitting: false,
    banner: { js: '#!/usr/bin/env node' },
    define: { __VERSION__: JSON.stringify(version) },
  },
]);
