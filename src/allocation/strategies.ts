/**
 * The five daily strategies and their selection. Source: seed 001 §2.3, "Daily Variation
 * System" 1; RULINGS "strategies".
 *
 * @module
 */
import type { SendTypeKey } from '../domain/catalog';
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import { type Rng, weightedPick } from '../random/rng';

/**
 * A daily strategy key. Source: seed 001 §2.3.
 *
 * @since 0.1.0
 * @category allocation
 */
export type StrategyKey =
  | 'revenue_focus'
  | 'engagement_burst'
  | 'balanced_standard'
  | 'variety_max'
  | 'storytelling';

/**
 * One strategy: its flavor emphasis, the send types it boosts and how it selects.
 *
 * @since 0.1.0
 * @category allocation
 */
export interface StrategySpec {
  /** The strategy's own key (the same as its key in `STRATEGIES`). */
  readonly strategy: StrategyKey;
  /** 001 §2.3 "Strategy flavor mapping". */
  readonly flavorEmphasis: string;
  /** Types whose weight the strategy multiplies by `policy.allocation.strategyBoost` (001 §2.5). */
  readonly boosts: ReadonlyArray<SendTypeKey>;
  /** `least_used`: pick the type used least this week (001 §2.5 variety_max). */
  readonly selection: 'weighted' | 'least_used';
}

/**
 * The strategy table. Source: seed 001 §2.3 and §2.5.
 *
 * @since 0.1.0
 * @category allocation
 */
export const STRATEGIES: Readonly<Record<StrategyKey, StrategySpec>> = Object.freeze({
  revenue_focus: {
    strategy: 'revenue_focus',
    flavorEmphasis: 'bundle_flash_vip',
    boosts: ['bundle', 'flash_bundle', 'vip_program'],
    selection: 'weighted',
  },
  engagement_burst: {
    strategy: 'engagement_burst',
    flavorEmphasis: 'dm_like_bump_variety',
    boosts: ['dm_farm', 'like_farm', 'bump_normal'],
    selection: 'weighted',
  },
  balanced_standard: {
    strategy: 'balanced_standard',
    flavorEmphasis: 'even_distribution',
    boosts: [],
    selection: 'weighted',
  },
  variety_max: {
    strategy: 'variety_max',
    flavorEmphasis: 'all_types_rotation',
    boosts: [],
    selection: 'least_used',
  },
  storytelling: {
    strategy: 'storytelling',
    flavorEmphasis: 'descriptive_story',
    boosts: ['bump_descriptive', 'bump_normal', 'wall_link_drop'],
    selection: 'weighted',
  },
});

/**
 * The strategy keys in table order.
 *
 * @since 0.1.0
 * @category allocation
 */
export const STRATEGY_KEYS: ReadonlyArray<StrategyKey> = [
  'revenue_focus',
  'engagement_burst',
  'balanced_standard',
  'variety_max',
  'storytelling',
];

/**
 * The strategy weights for a week: `saturated` when saturation > 70, `opportunity` when
 * opportunity > 70, else `balanced`. Source: seed 001 §2.3.
 *
 * @since 0.1.0
 * @category allocation
 */
export const strategyWeightsFor = (
  saturation: number,
  opportunity: number,
  policy: SchedulePolicy = DEFAULT_POLICY,
): Readonly<Record<string, number>> => {
  const a = policy.allocation;
  if (saturation > a.strategySaturationAbove) return a.strategyWeights.saturated;
  if (opportunity > a.strategyOpportunityAbove) return a.strategyWeights.opportunity;
  return a.strategyWeights.balanced;
};

/**
 * One strategy per day: a weighted draw that never repeats the previous day's strategy, then a
 * repair that guarantees at least `minStrategiesPerWeek` distinct strategies (the latest days
 * take an unused strategy that differs from both neighbours).
 *
 * Source: seed 001 §2.3; phase 2 checkpoint (no consecutive repeat, 3+ distinct a week).
 *
 * @since 0.1.0
 * @category allocation
 */
export const selectDailyStrategies = (
  rng: Rng,
  dayCount: number,
  saturation: number,
  opportunity: number,
  policy: SchedulePolicy = DEFAULT_POLICY,
): readonly [ReadonlyArray<StrategyKey>, Rng] => {
  const weights = strategyWeightsFor(saturation, opportunity, policy);
  const out: StrategyKey[] = [];
  let r = rng;
  for (let d = 0; d < dayCount; d++) {
    const eligible = STRATEGY_KEYS.filter((s) => s !== out[d - 1]);
    const [pick, next] = weightedPick(r, eligible, (s) => weights[s] ?? 0);
    r = next;
    out.push(pick ?? eligible[0] ?? 'balanced_standard');
  }
  const need = Math.min(policy.allocation.minStrategiesPerWeek, dayCount, STRATEGY_KEYS.length);
  for (let d = dayCount - 1; d >= 0 && new Set(out).size < need; d--) {
    const counts = new Map<StrategyKey, number>();
    for (const s of out) counts.set(s, (counts.get(s) ?? 0) + 1);
    if ((counts.get(out[d] as StrategyKey) ?? 0) < 2) continue;
    const replacement = STRATEGY_KEYS.find(
      (s) => !counts.has(s) && s !== out[d - 1] && s !== out[d + 1],
    );
    if (replacement) out[d] = replacement;
  }
  return [out, r];
};
