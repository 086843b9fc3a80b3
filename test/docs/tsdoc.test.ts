/**
 * Every public export has a TSDoc block (README "Standards"): walks the exports of the package
 * entry with the TypeScript compiler and lists those whose declaration carries no doc comment.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const undocumentedExports = (): string[] => {
  const entry = resolve(root, 'src/index.ts');
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error('src/index.ts not found');
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error('src/index.ts has no module symbol');
  const missing: string[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = symbol.getDeclarations() ?? [];
    const documented = declarations.some((d) => {
      const node = ts.isVariableDeclaration(d) ? d.parent.parent : d;
      return (
        ts.getJSDocCommentsAndTags(node).length > 0 ||
        /\/\*\*[\s\S]*?\*\/\s*$/.test(node.getFullText().slice(0, node.getLeadingTriviaWidth()))
      );
    });
    if (!documented)
      missing.push(
        `${exported.getName()} (${declarations[0]?.getSourceFile().fileName.replace(`${root}/`, '') ?? '?'})`,
      );
  }
  return missing.sort();
};

describe('public API documentation', () => {
  it('gives every export of the package entry a TSDoc block', () => {
    expect(undocumentedExports()).toEqual([]);
  });
});
