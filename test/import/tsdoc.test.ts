/**
 * Every export of `eros-schedule/import` (`src/import/index.ts`) has a TSDoc block with
 * `@since 0.3.0`, `@category import` and a `Source:` line: walks the entry's exports with the TypeScript compiler.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const exportsLackingTags = (): string[] => {
  const entry = resolve(root, 'src/import/index.ts');
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error('src/import/index.ts not found');
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error('src/import/index.ts has no module symbol');
  const lacking: string[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const tagged = (symbol.getDeclarations() ?? []).some((d) => {
      const node = ts.isVariableDeclaration(d) ? d.parent.parent : d;
      const doc = node.getFullText().slice(0, node.getLeadingTriviaWidth());
      return /@since 0\.3\.0/.test(doc) && /@category import/.test(doc) && /Source:/.test(doc);
    });
    if (!tagged) lacking.push(exported.getName());
  }
  return lacking.sort();
};

describe('eros-schedule/import documentation', () => {
  it('gives every export a TSDoc block with @since 0.3.0, @category import and Source', () => {
    expect(exportsLackingTags()).toEqual([]);
  });
});
