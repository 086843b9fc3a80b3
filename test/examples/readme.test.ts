/**
 * The README's usage output is real: runs examples/quickstart.ts and examples/twoWeeks.ts and
 * compares their output with the README's output blocks, line for line; the two-week snippet is
 * the example file itself (imports by package name).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const readme = () => readFileSync(resolve(root, 'README.md'), 'utf8');

const run = (example: string): string =>
  execFileSync(process.execPath, ['--import', 'tsx', resolve(root, example)], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });

const outputBlock = (example: string): string | undefined => {
  const name = example.replace(/[./]/g, (c) => `\\${c}`);
  return new RegExp(
    `Output of \`npx tsx ${name}\`[^\\n]*\\n\\n\`\`\`text\\n([\\s\\S]*?)\\n\`\`\``,
  ).exec(readme())?.[1];
};

describe('README usage snippet', () => {
  it.each(['examples/quickstart.ts', 'examples/twoWeeks.ts', 'examples/loop.ts'])(
    'shows the output %s prints',
    (example) => {
      const block = outputBlock(example);
      expect(block, `README output block of ${example}`).toBeDefined();
      expect(run(example).trimEnd()).toBe(block);
    },
  );

  it('the loop snippet is examples/loop.ts', () => {
    const file = readFileSync(resolve(root, 'examples/loop.ts'), 'utf8');
    const body = file.slice(file.indexOf('\nimport ') + 1);
    const section = readme().slice(readme().indexOf('### The loop: plan, record'));
    const snippet = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    expect(snippet).toBe(body);
  });

  it('the two-week snippet is examples/twoWeeks.ts', () => {
    const file = readFileSync(resolve(root, 'examples/twoWeeks.ts'), 'utf8');
    const body = file.slice(file.indexOf('\nimport ') + 1);
    const section = readme().slice(readme().indexOf('### Two weeks, the rotation state carried'));
    const snippet = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    expect(snippet).toBe(body);
  });
});
