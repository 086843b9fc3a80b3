/**
 * The README's usage output is real: runs examples/quickstart.ts and compares its output with the
 * README's output block, line for line.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('README usage snippet', () => {
  it('shows the output examples/quickstart.ts prints', () => {
    const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
    const block =
      /Output of `npx tsx examples\/quickstart\.ts`[^\n]*\n\n```text\n([\s\S]*?)\n```/.exec(readme);
    expect(block, 'README output block').not.toBeNull();
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', resolve(root, 'examples/quickstart.ts')],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      },
    );
    expect(out.trimEnd()).toBe(block?.[1]);
  });
});
