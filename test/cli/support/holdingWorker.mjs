// A stand-in for the CLI's worker that holds its answers: it answers nothing until no request
// has come for 150 ms, then answers every request it holds at once, the last received first,
// each with how many it held then (`held`) and the creator's share it was sent (`historyOf`:
// the creator ids of its history, `creators`: the ids of its creators).
import { parentPort } from 'node:worker_threads';

const held = [];
let timer = null;
parentPort?.on('message', ({ index, inputs, data }) => {
  held.push({ index, inputs, data });
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(() => {
    const n = held.length;
    for (const job of held.splice(0).reverse())
      parentPort?.postMessage({
        index: job.index,
        result: {
          _tag: 'Right',
          right: {
            creatorId: job.inputs.creatorId,
            held: n,
            creators: job.data.creators.map((c) => c.creatorId),
            historyOf: [...new Set(job.data.history.map((m) => m.creatorId))],
          },
        },
      });
  }, 150);
});
