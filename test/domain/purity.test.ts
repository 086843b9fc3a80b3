/**
 * Pure core, thin shell (README "Standards"): nothing in `src/` outside `src/cli/` reads a clock,
 * calls `Math.random`, does I/O, touches `process` or `console`, or imports Node's modules; and
 * nothing outside `src/cli/` imports the CLI. Comments are not code: they are stripped first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? filesUnder(path.join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [path.join(dir, e.name)]
        : [],
  );

/** The code of a file without its comments (string contents kept). */
const codeOf = (file: string): string => {
  const text = readFileSync(file, 'utf8');
  const scanner = ts.createScanner(
    ts.ScriptTarget.Latest,
    false,
    ts.LanguageVariant.Standard,
    text,
  );
  let out = '';
  for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan())
    out +=
      k === ts.SyntaxKind.SingleLineCommentTrivia || k === ts.SyntaxKind.MultiLineCommentTrivia
        ? ' '
        : scanner.getTokenText();
  return out;
};

const FORBIDDEN: ReadonlyArray<readonly [string, RegExp]> = [
  ['a clock (Date.now)', /\bDate\.now\s*\(/],
  ['a clock (new Date())', /\bnew Date\s*\(\s*\)/],
  ['a clock (performance.now)', /\bperformance\.now\s*\(/],
  ['Math.random', /\bMath\.random\s*\(/],
  ['process', /\bprocess\s*\./],
  ['console', /\bconsole\s*\./],
  ['a Node module', /from\s+['"](node:|fs['"]|path['"]|os['"]|child_process|worker_threads)/],
  ['the CLI', /from\s+['"][./]*\/?cli(\/|['"])/],
];

describe('the core is pure', () => {
  const core = filesUnder(src).filter((f) => !f.startsWith(path.join(src, 'cli') + path.sep));

  it('has files to check', () => {
    expect(core.length).toBeGreaterThan(50);
  });

  it.each(FORBIDDEN)('no file outside src/cli uses %s', (_what, re) => {
    const offenders = core.filter((f) => re.test(codeOf(f))).map((f) => path.relative(src, f));
    expect(offenders).toEqual([]);
  });

  it('the checks would catch an offender', () => {
    const all = FORBIDDEN.map(([, re]) => re);
    for (const bad of [
      'const t = Date.now();',
      'const d = new Date();',
      'Math.random()',
      'process.exit(1)',
      'console.log(1)',
      "import { readFileSync } from 'node:fs';",
      "import { runCli } from '../cli/main';",
    ])
      expect(
        all.some((re) => re.test(bad)),
        bad,
      ).toBe(true);
  });
});
