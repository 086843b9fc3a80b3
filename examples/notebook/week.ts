/**
 * A notebook cell's worth of eros-schedule as a script, with a dataset written inline: one
 * creator, a few captions per type. It imports the package by name, as a notebook in a project
 * with `eros-schedule` installed does (inside this repository the name resolves to the build:
 * `npm run build` first). Runs under Deno and ts-node:
 *
 *   npx deno run --allow-read --allow-env examples/notebook/week.ts
 *   TS_NODE_TRANSPILE_ONLY=1 node --loader ts-node/esm --no-warnings examples/notebook/week.ts
 *
 * `npm run example:notebook` runs both, checks they print the same line, and executes the
 * Jupyter notebook beside it (`week.ipynb`, Deno kernel).
 */
import { buildSchedule, CAPTION_TYPES, inMemoryPorts } from 'eros-schedule';

const creator = {
  creatorId: 'notebook_creator',
  pageType: 'paid' as const,
  fanCount: 3200,
  timezone: 'Europe/London',
  contentPageType: 'nude' as const,
  subType: 'gfe' as const,
  performanceTier: 2,
};
const captions = CAPTION_TYPES.flatMap((captionType) =>
  Array.from({ length: 12 }, (_, n) => ({
    captionId: `${captionType}-${n}`,
    text: `A ${captionType.replace('_', ' ')} note number ${n} for my favourite fans`,
    captionType,
    contentType: null,
    performanceScore: 45 + ((n * 13) % 50),
    usage: [],
  })),
);

const main = async () => {
  const ports = inMemoryPorts({ creators: [creator], history: [], captions });
  const result = await buildSchedule({
    creatorId: 'notebook_creator',
    weekStart: '2025-03-24',
    seed: 'notebook',
    options: { manualConfidenceOverride: true },
  })(ports)();
  if (result._tag === 'Left') throw new Error(result.left.message);
  const { summary, validation } = result.right;
  console.log(
    `${summary.totalItems} items, ${summary.uniqueSendTypes} send types, ${validation.status} (${validation.score})`,
  );
};

main();
