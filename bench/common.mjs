/**
 * What the plain-node benchmarks (`bench/*.mjs`, run on the built package) share: their numeric
 * command-line options and the rewrite of their section of docs/benchmarks.md. The tsx
 * benchmarks have the same in bench/report.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** The number after `--name` on the command line, else `fallback`. */
export const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};

/** Replaces (or appends) the section `title` of docs/benchmarks.md with `lines`; prints it. */
export const writeSection = (title, lines) => {
  const file = new URL('../docs/benchmarks.md', import.meta.url);
  const doc = readFileSync(file, 'utf8');
  const section = [title, '', ...lines, '', ''].join('\n');
  const start = doc.indexOf(title);
  const next = start >= 0 ? doc.indexOf('\n## ', start + 5) : -1;
  writeFileSync(
    file,
    start >= 0
      ? doc.slice(0, start) + section + (next >= 0 ? doc.slice(next + 1) : '')
      : `${doc.trimEnd()}\n\n${section}`,
  );
  console.log(section);
};
