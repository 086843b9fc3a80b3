/**
 * Issue 10: the examples import the library by its package name (`eros-schedule`,
 * `eros-schedule/demo`, `eros-schedule/import`), never `src/` or `dist/` by path, so a broken
 * exports map fails the examples' runs instead of passing unseen.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');

const filesUnder = (dir: string): ReadonlyArray<string> =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

/** The module specifiers of a file: `from '...'`, `import('...')`, `require('...')`, `new URL('...')`. */
const specifiers = (text: string): ReadonlyArray<string> =>
  [
    ...text.matchAll(/\bfrom\s*\\?['"]([^'"\\]+)\\?['"]/g),
    ...text.matchAll(/\b(?:import|require)\(\s*\\?['"]([^'"\\]+)\\?['"]/g),
    ...text.matchAll(/\bnew URL\(\s*\\?['"]([^'"\\]+)\\?['"]/g),
  ].map((m) => m[1] as string);

const byPath = (spec: string): boolean =>
  /(^|\/)(src|dist)(\/|$)/.test(spec) && spec.startsWith('.');

describe('examples import the package by name', () => {
  const files = filesUnder(EXAMPLES).filter((f) => /\.(ts|mts|mjs|cjs|js|ipynb)$/.test(f));

  it('finds the examples', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it('no example reaches src/ or dist/ by a relative path', () => {
    const offenders = files.flatMap((f) =>
      specifiers(readFileSync(f, 'utf8'))
        .filter(byPath)
        .map((s) => `${relative(ROOT, f)}: ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('the checker catches an offender', () => {
    expect(specifiers("import * as lib from '../../dist/index.cjs';").filter(byPath)).toEqual([
      '../../dist/index.cjs',
    ]);
    expect(specifiers('"import { x } from \\"../../src/index\\";"').filter(byPath)).toEqual([
      '../../src/index',
    ]);
    expect(specifiers("import { buildSchedule } from 'eros-schedule';").filter(byPath)).toEqual([]);
  });
});
