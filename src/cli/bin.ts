/**
 * The `eros-schedule` executable: runs the CLI over the process's arguments and sets the exit
 * code (the output is flushed before the process ends).
 *
 * @module
 */
import { runCli } from './main';

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  progressStream: process.stderr.isTTY === true ? process.stderr : null,
  color: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
});
process.exitCode = code;
