// A stand-in for the CLI's worker: answers every request with a fake week, except that it
// stops its thread (exit code 3) on the creator `poison` and throws on the creator `thrower`.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', ({ index, inputs }) => {
  if (inputs.creatorId === 'poison') process.exit(3);
  if (inputs.creatorId === 'thrower') throw new Error('the worker broke');
  parentPort?.postMessage({
    index,
    result: { _tag: 'Right', right: { creatorId: inputs.creatorId } },
  });
});
