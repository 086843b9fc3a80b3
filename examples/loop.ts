/**
 * The loop from a plan to what it earned: plan two weeks of one demo creator (the campaigns of
 * week 1 fed back through the campaign port, so week 2 continues their cadence), record each
 * week's actual results as the seed 004 records (`recordOutcomes`), and read the seed 000 task
 * 3.8 dashboard KPIs from that one set of records (`computeDashboardKpis`). The actual results
 * here are made up from the slot numbers, so the output is the same on every run.
 *
 *   npx tsx examples/loop.ts
 */

import {
  buildSchedule,
  type CampaignRecord,
  computeDashboardKpis,
  type ItemActual,
  inMemoryPorts,
  recordOutcomes,
  type SchedulePorts,
  type ScheduleResult,
} from 'eros-schedule';
import { generateDemoAgency } from 'eros-schedule/demo';
import * as TE from 'fp-ts/lib/TaskEither.js';

const sent: CampaignRecord[] = [];
const ports: SchedulePorts = {
  ...inMemoryPorts(generateDemoAgency(42)),
  getCampaignHistory: () => TE.right(sent),
};

/**
 * Made-up results: 800 fans reached, a view and a purchase rate from the slot's number; a game
 * earns in the range of the seed's game benchmarks ($2,500-$5,200).
 */
const actualsOf = (week: ScheduleResult): ReadonlyArray<ItemActual> =>
  week.items.map((item, n) => {
    const viewed = 300 + ((n * 37) % 200);
    const purchased = item.suggestedPrice === null ? 0 : 5 + ((n * 11) % 20);
    const earnings =
      item.gameType === null ? purchased * (item.suggestedPrice ?? 0) : 2500 + ((n * 389) % 2700);
    return {
      slotId: item.slotId,
      sent: 800,
      viewed,
      purchased,
      earnings: Math.round(earnings * 100) / 100,
    };
  });

const weeks = [];
for (const weekStart of ['2025-01-20', '2025-01-27']) {
  const built = await buildSchedule({ creatorId: 'creator_03', weekStart, seed: 7 })(ports)();
  if (built._tag === 'Left') throw new Error(built.left.message);
  const week = built.right;
  const campaigns = week.items.filter((i) => i.campaignType !== null);
  sent.push(
    ...campaigns.map((i) => ({
      campaignType: i.campaignType as CampaignRecord['campaignType'],
      sentAt: i.scheduledAt,
      gameType: i.gameType,
      earnings: null,
    })),
  );
  const actuals = { items: actualsOf(week) };
  const outcomes = recordOutcomes(week, actuals);
  const p = outcomes.volumePrediction;
  console.log(
    `${weekStart}: ${week.items.length} items, ${campaigns.length} campaigns (${campaigns
      .map((c) => `${c.scheduledDate.slice(5)} ${c.campaignType}`)
      .join(', ')})`,
  );
  console.log(
    `  predicted ${p.predictedRevenuePerDay} revenue sends a day, actual $${p.actualTotalRevenue} in ${p.actualMessagesSent} messages; learning signal ${outcomes.adjustmentOutcome.learningSignal?.toFixed(2) ?? 'none'} (${outcomes.adjustmentOutcome.outcomeClassification ?? 'unmeasured'})`,
  );
  weeks.push({ schedule: week, actuals, outcomes });
}

const { kpis } = computeDashboardKpis({ weeks });
for (const k of Object.values(kpis))
  console.log(
    `${k.metric.padEnd(28)} ${k.value === null ? `- (${k.reason})` : `${k.value.toFixed(2)} ${k.unit}`}  ${k.status}`,
  );
