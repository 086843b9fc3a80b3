/**
 * Shared helpers of the benchmark scripts: the median, the machine line, and rewriting one
 * `## ` section of docs/benchmarks.md in place (other sections kept).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const median = (xs: ReadonlyArray<number>): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

export const fmt = (x: number): string => x.toFixed(2);

export const machineLine = (): string =>
  `Machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}. Measured ${new Date().toISOString().slice(0, 10)}.`;

export const numberArg = (name: string, fallback: number): number => {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

const HEADER =
  '# Benchmarks\n\nSpeed and memory are measured here, never in unit tests. Medians of whole rounds on a shared 2-core machine: compare ratios, not single figures.\n\n';

/** Replaces the section starting with `title` (a `## ` line) or appends it, and prints it. */
export const writeSection = (title: string, lines: ReadonlyArray<string>): void => {
  const section = [title, '', ...lines, '', ''].join('\n');
  const file = resolve(dirname(fileURLToPath(import.meta.url)), '../docs/benchmarks.md');
  let doc: string;
  try {
    doc = readFileSync(file, 'utf8');
  } catch {
    doc = HEADER;
  }
  const start = doc.indexOf(title);
  const next = start >= 0 ? doc.indexOf('\n## ', start + 5) : -1;
  doc =
    start >= 0
      ? doc.slice(0, start) + section + (next >= 0 ? doc.slice(next + 1) : '')
      : `${doc.endsWith('\n\n') ? doc : `${doc.trimEnd()}\n\n`}${section}`;
  writeFileSync(file, doc);
  process.stdout.write(`${section}\n`);
};
