/**
 * Demo weeks for the renderer tests: `generateDemoAgency(42)` built once, and a week of one of its
 * creators.
 */
import { generateDemoAgency } from '../../src/demo';
import { buildSchedule, inMemoryPorts, type ScheduleResult } from '../../src/index';

/** The creator ids of the demo agency's roster. */
export const DEMO_CREATORS = Array.from(
  { length: 12 },
  (_, i) => `creator_${String(i + 1).padStart(2, '0')}`,
);

let dataset: ReturnType<typeof generateDemoAgency> | undefined;

/** A built week of a demo creator (the week of Monday 2025-01-20 unless told). */
export const demoWeek = async (
  creatorId = 'creator_04',
  seed: number | string = 7,
  weekStart = '2025-01-20',
): Promise<ScheduleResult> => {
  dataset ??= generateDemoAgency(42);
  const r = await buildSchedule({ creatorId, weekStart, seed })(inMemoryPorts(dataset))();
  if (r._tag === 'Left') throw new Error(`${creatorId}: ${r.left.message}`);
  return r.right;
};

/** The opening tag of each `<article>` of a page with its body, keyed by `data-slot-id`. */
export const articlesOf = (
  html: string,
): ReadonlyArray<{ readonly open: string; readonly body: string }> =>
  [...html.matchAll(/(<article\b[^>]*>)([\s\S]*?)<\/article>/g)].map((m) => ({
    open: m[1] ?? '',
    body: m[2] ?? '',
  }));

/** The value of attribute `name` in an opening tag, HTML entities left as they are. */
export const attr = (open: string, name: string): string | null =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(open)?.[1] ?? null;

/** Every `id="..."` value of a page, in document order. */
export const idsOf = (html: string): ReadonlyArray<string> =>
  [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1] ?? '');
