/**
 * Runs the demo against the built bundle: `npm run build && npm run example:dist -- --creators 3`.
 * Registers tsx's ESM loader (the demo generator is TypeScript), then runs run.ts with `--dist`,
 * which imports the library from dist/index.js instead of src/index.ts.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const dist = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
if (!existsSync(dist)) {
  process.stderr.write(`${dist} not found: run \`npm run build\` first.\n`);
  process.exit(2);
}
const runTs = fileURLToPath(new URL('./run.ts', import.meta.url));
process.argv = [
  process.argv[0],
  runTs,
  '--dist',
  ...process.argv.slice(2).filter((a) => a !== '--dist'),
];
register();
await import('./run.ts');
