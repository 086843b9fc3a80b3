/**
 * Every public export has a TSDoc block (README "Standards"): walks the exports of each package
 * entry (`eros-schedule`, `eros-schedule/import`, `eros-schedule/demo`) with the TypeScript
 * compiler and lists those whose declaration carries no doc comment. The subpaths added with the
 * agency tools also carry `@since`, `@category` and a `Source:` line on every export.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Each export of an entry with the doc comment text before its declaration(s). */
const exportsOf = (
  entryPath: string,
): ReadonlyArray<{ name: string; file: string; docs: string[] }> => {
  const entry = resolve(root, entryPath);
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`${entryPath} not found`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${entryPath} has no module symbol`);
  return checker.getExportsOfModule(moduleSymbol).map((exported) => {
    const symbol =
      exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = symbol.getDeclarations() ?? [];
    const docs = declarations.flatMap((d) => {
      const node = ts.isVariableDeclaration(d) ? d.parent.parent : d;
      const lead = node.getFullText().slice(0, node.getLeadingTriviaWidth());
      const jsdoc = ts.getJSDocCommentsAndTags(node).map((j) => j.getFullText());
      return /\/\*\*[\s\S]*?\*\/\s*$/.test(lead) ? [lead, ...jsdoc] : jsdoc;
    });
    return {
      name: exported.getName(),
      file: declarations[0]?.getSourceFile().fileName.replace(`${root}/`, '') ?? '?',
      docs,
    };
  });
};

const ENTRIES = ['src/index.ts', 'src/import/index.ts', 'src/demo/index.ts'];

describe('public API documentation', () => {
  it.each(ENTRIES)('gives every export of %s a TSDoc block', (entry) => {
    const missing = exportsOf(entry)
      .filter((e) => e.docs.length === 0)
      .map((e) => `${e.name} (${e.file})`)
      .sort();
    expect(missing).toEqual([]);
  });

  it.each([
    ['src/import/index.ts', 'import'],
    ['src/demo/index.ts', 'demo'],
  ])('tags every export of %s with @since 0.3.0, @category %s and Source', (entry, category) => {
    const lacking = exportsOf(entry)
      .filter((e) => {
        const doc = e.docs.join('\n');
        return !(
          /@since 0\.3\.0/.test(doc) &&
          doc.includes(`@category ${category}`) &&
          /Source:/.test(doc)
        );
      })
      .map((e) => e.name)
      .sort();
    expect(lacking).toEqual([]);
  });
});
