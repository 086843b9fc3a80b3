/**
 * The `eros-schedule` executable: runs the CLI over the process's arguments and sets the exit
 * code (the output is flushed before the process ends).
 *
 * @module
 */
import { runCli } from './main';

// `eros-schedule demo | head`: the reader closed the pipe. Stop quietly, as other command-line
// tools do, instead of a stack trace; any other write failure ends the process with code 1.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e: NodeJS.ErrnoException) => {
    process.exit(e.code === 'EPIPE' ? 0 : 1);
  });

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  progressStream: process.stderr.isTTY === true ? process.stderr : null,
  color: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
  width: process.stdout.isTTY === true ? (process.stdout.columns ?? null) : null,
});
process.exitCode = code;
