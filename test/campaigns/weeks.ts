/**
 * Consecutive demo weeks with the campaigns of the earlier weeks fed back (issue 8 "Done when"):
 * a `getCampaignHistory` port over a record list that each built week appends to, answering the
 * records with `fromInstant <= sentAt < toInstant` as the port contract says.
 */
import * as TE from 'fp-ts/lib/TaskEither.js';
import {
  buildSchedule,
  type CampaignRecord,
  type ScheduleItem,
  type SchedulePorts,
  type ScheduleResult,
} from '../../src/index';

/** The campaign records of a week's campaign items (earnings not known yet). */
export const recordsOf = (items: ReadonlyArray<ScheduleItem>): CampaignRecord[] =>
  items.flatMap((i) =>
    i.campaignType === null || i.isFollowUp
      ? []
      : [
          {
            campaignType: i.campaignType,
            sentAt: i.scheduledAt,
            gameType: i.gameType,
            earnings: null,
          },
        ],
  );

/** `ports` with a campaign port over `records` (a live list: later pushes are served). */
export const withCampaignPort = (
  ports: SchedulePorts,
  records: ReadonlyArray<CampaignRecord>,
): SchedulePorts => ({
  ...ports,
  getCampaignHistory: (_creatorId, fromInstant, toInstant) =>
    TE.right(records.filter((r) => r.sentAt >= fromInstant && r.sentAt < toInstant)),
});

/**
 * Builds `weekStarts` in order for one creator, feeding each week's campaign items back through
 * the campaign port; fails the test on a `Left`.
 */
export const buildWeeks = async (
  ports: SchedulePorts,
  creatorId: string,
  weekStarts: ReadonlyArray<string>,
  seed: number,
): Promise<ScheduleResult[]> => {
  const records: CampaignRecord[] = [];
  const fed = withCampaignPort(ports, records);
  const out: ScheduleResult[] = [];
  for (const weekStart of weekStarts) {
    const r = await buildSchedule({ creatorId, weekStart, seed })(fed)();
    if (r._tag === 'Left')
      throw new Error(`${creatorId} ${weekStart}: ${r.left.code} ${r.left.message}`);
    out.push(r.right);
    records.push(...recordsOf(r.right.items));
  }
  return out;
};

/** A week's campaign items (not follow-ups). */
export const campaignsOf = (r: ScheduleResult): ScheduleItem[] =>
  r.items.filter((i) => i.campaignType !== null && !i.isFollowUp);
