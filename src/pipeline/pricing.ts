/**
 * Suggested prices (phase 7a). Source: seed 001 consumption rule 4 (phase 7a applies the
 * confidence score to pricing), §7.1 `suggested_price`.
 *
 * @module
 */
import { median } from 'simple-statistics';
import { SEND_TYPES, type SendTypeKey } from '../domain/catalog';
import { DEFAULT_POLICY, defaultPriceOf, type SchedulePolicy } from '../domain/policy';
import type { MassMessage, PriceReason } from '../domain/types';
import { historyIndexOf } from '../volume/historyIndex';

/**
 * The suggested price of a send in USD, or `null` for send types without a price.
 *
 * Starts from the policy default of the send type and moves toward the median price the creator
 * charged for that type in `history` (at least 3 priced sends) by the volume confidence:
 * `default + confidence * (historyMedian - default)`. The result is clamped to the policy range
 * and ends in .99 (`17.99`).
 *
 * Source: seed 001 consumption rule 4; defaults calibrated to the real-data README
 * ($15-25 PPVs earn the most per send).
 *
 * @since 0.1.0
 * @category pipeline
 */
export const suggestPrice = (
  sendTypeKey: SendTypeKey,
  history: ReadonlyArray<MassMessage>,
  confidence: number,
  policy: SchedulePolicy = DEFAULT_POLICY,
): number | null => pricedWithReason(sendTypeKey, history, confidence, policy)?.price ?? null;

/**
 * `suggestPrice` with the reason of the price (`ItemReasons.price`): the policy default (USD),
 * the history median (USD, `null` with fewer than `policy.pricing.minHistoryPrices` priced
 * sends), the number of priced sends, the confidence (0-1) and whether the policy range clamped
 * it. `null` for send types without a price.
 *
 * Source: seed 001 consumption rule 4, §7.1 `suggested_price`.
 *
 * @since 0.3.0
 * @category pipeline
 */
export const pricedWithReason = (
  sendTypeKey: SendTypeKey,
  history: ReadonlyArray<MassMessage>,
  confidence: number,
  policy: SchedulePolicy = DEFAULT_POLICY,
): {
  /** The suggested price in USD, ending in .99 (`17.99`). */
  readonly price: number;
  /** How the price was reached (`ItemReasons.price`). */
  readonly reason: PriceReason;
} | null => {
  const base = defaultPriceOf(sendTypeKey, policy);
  if (base === null || SEND_TYPES[sendTypeKey].generatedBy !== 'allocation') return null;
  const { count, middle } = historyPricesOf(history, sendTypeKey);
  const c = Math.min(1, Math.max(0, confidence));
  const historyMedian = count >= policy.pricing.minHistoryPrices ? middle() : null;
  const raw = historyMedian !== null ? base + c * (historyMedian - base) : base;
  const rounded = Math.round(raw);
  const whole = Math.min(policy.pricing.maxPrice, Math.max(policy.pricing.minPrice, rounded));
  return {
    price: Math.round((whole - 0.01) * 100) / 100,
    reason: {
      defaultPrice: base,
      historyMedian,
      historyPrices: count,
      confidence: c,
      clamped: whole !== rounded,
    },
  };
};

/** The priced sends (price > 0) of one send type in a history: how many, and their median. */
interface TypePrices {
  /** Priced sends of the type. */
  readonly count: number;
  /** The median of their prices (simple-statistics `median`, history order); only when `count > 0`. */
  readonly middle: () => number;
}

/** A type's prices, in history order. */
const pricesOfType = (
  history: ReadonlyArray<MassMessage>,
  sendTypeKey: SendTypeKey,
): ReadonlyArray<number> =>
  history
    .filter((m) => m.sendTypeKey === sendTypeKey && m.price !== null && m.price > 0)
    .map((m) => m.price as number);

/**
 * The price statistics of `sendTypeKey` in `history`. For a remembered history (frozen
 * messages, `historyIndexOf`) one pass gives every send type's count and median, once per
 * history (issue 11: no pass over the history per item); otherwise the type's own pass.
 */
const historyPricesOf = (
  history: ReadonlyArray<MassMessage>,
  sendTypeKey: SendTypeKey,
): TypePrices => {
  const index = historyIndexOf(history, true);
  if (!index.remembered) {
    const prices = pricesOfType(history, sendTypeKey);
    return { count: prices.length, middle: () => median(prices as number[]) };
  }
  const stats = index.memo('prices', () => {
    const byType = new Map<string, number[]>();
    for (const m of index.history)
      if (m.price !== null && m.price > 0) {
        const list = byType.get(m.sendTypeKey);
        if (list === undefined) byType.set(m.sendTypeKey, [m.price]);
        else list.push(m.price);
      }
    return Object.freeze(
      new Map(
        [...byType].map(([k, prices]) => [
          k,
          Object.freeze({ count: prices.length, median: median(prices) }),
        ]),
      ),
    );
  });
  const s = stats.get(sendTypeKey);
  return s === undefined
    ? { count: 0, middle: () => Number.NaN }
    : { count: s.count, middle: () => s.median };
};
