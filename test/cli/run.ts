/**
 * Runs the CLI in-process through `runCli` with captured stdout and stderr: the tests' runner.
 */
import { runCli } from '../../src/cli/main';

/** What a run printed and its exit code. */
export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `runCli(argv)` with a progress stream (or `null`: plain progress lines), no colour. */
export const cliWith = async (
  progressStream: NodeJS.WritableStream | null,
  argv: ReadonlyArray<string>,
): Promise<Run> => {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    progressStream,
    color: false,
  });
  return { code, stdout, stderr };
};

/** `runCli(argv)` without a progress bar. */
export const cli = (...argv: string[]): Promise<Run> => cliWith(null, argv);
