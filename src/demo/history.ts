/**
 * Mass-message history of a demo creator, calibrated to the figures measured in
 * `../shared/real-data/` (README aggregates and `mass_messages_week.csv`):
 *
 * - PPV prices mostly $8-30 (median of the real week $13); revenue per PPV by price bin
 *   $0-15 92, $15-20 201, $20-25 246, $25-30 234, so $15-25 earns most.
 * - Weekday effect on revenue per PPV: Thu 235.62 best ... Sat 123.92 worst.
 * - Hour effect: 11:00 214.25 and 15:00 165.18 strong, 00:00 119.63 and 21:00 106.83 weaker.
 * - Position in the day: 1st 142, 2nd 194, 3rd 223, 4th 170, 5th+ 118 (fatigue); days with
 *   7+ PPVs earn 118 per PPV against 169 for 3-4 and 233 for 5-6.
 * - View rates fall with audience size (the real 50k-fan free page views ~3 % of paid and
 *   ~0.6 % of free messages); purchases are a small share of views; earnings = purchased x price.
 *
 * @module
 */
import {
  addDaysIso,
  type CaptionType,
  epochMinuteToIso,
  localToEpochMinute,
  type MassMessage,
  type PageType,
  SEND_TYPE_KEYS,
  SEND_TYPES,
  type SendTypeKey,
  type SendTypeSpec,
  weekdayOf,
} from '../index';
import { type DemoCreatorSpec, HOUR_EFFECT } from './creators';
import { cumulativeIndex, type Draw } from './draw';

/** Share of each allocatable send type in the history (mostly PPVs and bumps). */
const HISTORY_MIX: Readonly<Partial<Record<SendTypeKey, number>>> = {
  ppv_unlock: 30,
  ppv_wall: 10,
  tip_goal: 2,
  vip_program: 0.4,
  game_post: 3,
  bundle: 4,
  flash_bundle: 2,
  snapchat_bundle: 0.4,
  first_to_tip: 2,
  link_drop: 3,
  wall_link_drop: 2,
  bump_normal: 14,
  bump_descriptive: 7,
  bump_text_only: 5,
  bump_flyer: 3,
  dm_farm: 3,
  like_farm: 1,
  live_promo: 1,
  renew_on_post: 2,
  renew_on_message: 2,
  expired_winback: 2,
};

/** Price range in whole USD of each priced send type (PPV unlocks use `ppvPrice`). */
const PRICE_RANGES: Readonly<Partial<Record<SendTypeKey, readonly [number, number]>>> = {
  ppv_wall: [8, 20],
  tip_goal: [10, 25],
  vip_program: [100, 200],
  game_post: [5, 15],
  bundle: [25, 45],
  flash_bundle: [15, 30],
  snapchat_bundle: [30, 50],
  first_to_tip: [20, 50],
};

/** Messages a day by fan-count tier (low, mid, high, ultra), before day-to-day jitter. */
const SENDS_PER_DAY: ReadonlyArray<readonly [number, number]> = [
  [0, 5],
  [1000, 8],
  [5000, 11],
  [15000, 14],
];

/** Sending-hour weights (local hour 0-23): nothing 03:00-07:59, peaks late morning, mid-afternoon and evening. */
const SEND_HOUR_WEIGHTS: ReadonlyArray<number> = [
  0.5, 0.3, 0.2, 0, 0, 0, 0, 0, 0.6, 0.9, 1.1, 1.4, 1.2, 1, 1.1, 1.4, 1.1, 1.1, 1.2, 1.4, 1.5, 1.5,
  1.2, 0.9,
];

/** Revenue per PPV by weekday relative to the mean (Mon..Sun; README: Thu 235.62 ... Sat 123.92, mean 168.18). */
const WEEKDAY_EFFECT: ReadonlyArray<number> = [0.84, 0.862, 1.124, 1.401, 1.194, 0.737, 0.843];

/** Position-in-day multipliers (1st..5th+ priced send; README 142/194/223/170/118 over 168). */
const POSITION_EFFECT: ReadonlyArray<number> = [0.85, 1.15, 1.32, 1.0, 0.7];

/** Priced sends a day: 3-4 x1, 5-6 x1.38, 7+ x0.7 (README 168.66 / 232.50 / 117.61). */
const dayLoadEffect = (priced: number): number => (priced >= 7 ? 0.7 : priced >= 5 ? 1.38 : 1);

/**
 * Purchases per view relative to a $10 PPV, from the README revenue per PPV by price bin divided
 * by the bin's typical price: $10 -> 9.2 buys, $17.50 -> 11.5, $22.50 -> 10.9, $27.50 -> 8.5.
 */
const priceEffect = (price: number): number => {
  const buys =
    price < 15
      ? 9.2 * (12 / Math.max(price, 5)) ** 0.3
      : price < 20
        ? 11.5
        : price < 25
          ? 10.9
          : price <= 30
            ? 8.5
            : 6 * (30 / price);
  return buys / 10;
};

/** A PPV unlock price: mostly $8-30, most often $15-20 and $8-14. */
const ppvPrice = (d: Draw): number => {
  const bins: ReadonlyArray<readonly [number, number, number]> = [
    [8, 14, 0.35],
    [15, 19, 0.35],
    [20, 24, 0.14],
    [25, 30, 0.13],
    [31, 40, 0.03],
  ];
  const [lo, hi] = d.weighted(bins, (b) => b[2]);
  return d.int(lo, hi);
};

const priceOf = (key: SendTypeKey, d: Draw): number | null => {
  if (SEND_TYPES[key].category !== 'revenue') return null;
  if (key === 'ppv_unlock') return ppvPrice(d);
  const [lo, hi] = PRICE_RANGES[key] ?? [10, 30];
  return key === 'vip_program' ? Math.round(d.int(lo, hi) / 25) * 25 : d.int(lo, hi);
};

/** Audience reached: all fans for broadcasts, a segment for targeted sends. */
const audienceOf = (spec: SendTypeSpec, fans: number, d: Draw): number => {
  if (spec.channel === 'targeted_message') return Math.round(fans * d.between(0.12, 0.3));
  if (
    spec.requiredTarget !== null ||
    (spec.defaultTarget !== null && spec.defaultTarget !== 'all_active')
  )
    return Math.round(fans * d.between(0.3, 0.6));
  return Math.round(fans * d.between(0.92, 0.99));
};

/** Share of the audience that opens a message: falls with size; free pages and wall posts lower. */
const viewRateOf = (fans: number, pageType: PageType, spec: SendTypeSpec): number => {
  const base = Math.min(0.45, Math.max(0.15, 0.42 - 0.07 * Math.log10(Math.max(fans, 100) / 100)));
  const page = pageType === 'free' ? 0.35 : 1;
  const channel = spec.channel === 'wall_post' ? 0.6 : 1;
  return base * page * channel;
};

/** Poisson draw (Knuth below 30, normal approximation above). */
const poisson = (mean: number, d: Draw): number => {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * d.normal()));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = d.float();
  while (p > limit) {
    k++;
    p *= d.float();
  }
  return k;
};

/** A caption picked for a message: its id and text. */
export interface PickedCaption {
  readonly captionId: string;
  readonly text: string;
}

/**
 * Captions a creator may send, per caption type and per caption type x content type, with
 * cumulative weights (higher scores used more).
 */
export interface CaptionPicker {
  /** A caption of `captionType`; of `contentType` too when given and the bank has one. */
  readonly pick: (
    captionType: CaptionType,
    d: Draw,
    contentType?: string | null,
  ) => PickedCaption | null;
}

/** One caption as the picker reads it. */
export interface PickableCaption {
  readonly captionId: string;
  readonly text: string;
  readonly performanceScore: number;
  readonly contentType: string | null;
}

interface PickTable {
  readonly captions: ReadonlyArray<PickableCaption>;
  readonly cumulative: ReadonlyArray<number>;
}

const pickTable = (list: ReadonlyArray<PickableCaption>): PickTable => {
  let acc = 0;
  const cumulative = list.map((c) => {
    acc += 1 + (c.performanceScore / 20) ** 2;
    return acc;
  });
  return { captions: list, cumulative };
};

/** A picker over the caption lists of each caption type. */
export const captionPicker = (
  byType: ReadonlyMap<CaptionType, ReadonlyArray<PickableCaption>>,
): CaptionPicker => {
  const tables = new Map<string, PickTable>();
  for (const [type, list] of byType) {
    tables.set(type, pickTable(list));
    const byContent = new Map<string, PickableCaption[]>();
    for (const c of list)
      if (c.contentType !== null)
        byContent.set(c.contentType, [...(byContent.get(c.contentType) ?? []), c]);
    for (const [content, own] of byContent) tables.set(`${type}|${content}`, pickTable(own));
  }
  return {
    pick: (type, d, contentType) => {
      const t =
        (contentType == null ? undefined : tables.get(`${type}|${contentType}`)) ??
        tables.get(type);
      if (t === undefined || t.captions.length === 0) return null;
      const total = t.cumulative[t.cumulative.length - 1] as number;
      const c = t.captions[cumulativeIndex(t.cumulative, d.float() * total)];
      return c === undefined ? null : { captionId: c.captionId, text: c.text };
    },
  };
};

/**
 * What a creator sends of each content type: the types (its vault's, or its page's without a
 * vault), how often each is sent among media sends and how well it sells (TOP types more).
 */
export interface ContentMix {
  readonly types: ReadonlyArray<string>;
  /** Relative frequency among media sends. */
  readonly frequency: (contentType: string) => number;
  /** Purchase multiplier. */
  readonly effect: (contentType: string) => number;
}

/** Send types a page may be sent in the history: allocatable and allowed on its page type. */
const historyTypes = (pageType: PageType): ReadonlyArray<SendTypeKey> =>
  SEND_TYPE_KEYS.filter(
    (k) =>
      SEND_TYPES[k].generatedBy === 'allocation' &&
      SEND_TYPES[k].pageTypes.includes(pageType) &&
      (HISTORY_MIX[k] ?? 0) > 0,
  );

/**
 * The creator's mass messages for the `spec.historyDays` local days before `asOf`, oldest
 * first. Media sends carry a content type drawn from `content` (its effect scales purchases).
 * Captions come from `picker`, of the message's content type when the bank has one; a caption
 * is not reused by the creator within 14 days when another can be found. Messages with a caption
 * carry its text.
 */
export const historyOf = (
  creatorId: string,
  spec: DemoCreatorSpec,
  asOf: string,
  picker: CaptionPicker,
  content: ContentMix,
  d: Draw,
): ReadonlyArray<MassMessage> => {
  const types = historyTypes(spec.pageType);
  const perDay =
    spec.historyDays < 30
      ? 2.5
      : ([...SENDS_PER_DAY].reverse().find(([min]) => spec.fanCount >= min)?.[1] ?? 5);
  const tierEffect = 1.45 - 0.15 * spec.performanceTier;
  // Bigger audiences convert a little less: x1.17 at 350 fans, x0.6 at 31,000.
  const baseBuyRate = (spec.pageType === 'paid' ? 0.009 : 0.006) * (1000 / spec.fanCount) ** 0.15;
  const lastUse = new Map<string, number>();
  const out: MassMessage[] = [];
  for (let back = spec.historyDays; back >= 1; back--) {
    const date = addDaysIso(asOf, -back);
    const progress = spec.historyDays <= 1 ? 1 : (spec.historyDays - back) / (spec.historyDays - 1);
    const trend = 1 + spec.revenueSlope * (progress - 0.5);
    const n = Math.max(1, Math.round(perDay * d.between(0.75, 1.25)));
    const minutes = new Set<number>();
    while (minutes.size < n) {
      const hour = d.weighted(
        SEND_HOUR_WEIGHTS.map((_, h) => h),
        (h) => SEND_HOUR_WEIGHTS[h] ?? 0,
      );
      minutes.add(hour * 60 + d.int(0, 59));
    }
    const sends = [...minutes]
      .sort((a, b) => a - b)
      .map((minute) => ({ minute, key: d.weighted(types, (k) => HISTORY_MIX[k] ?? 0) }));
    const pricedToday = sends.filter((s) => SEND_TYPES[s.key].category === 'revenue').length;
    let position = 0;
    for (const { minute, key } of sends) {
      const spec_ = SEND_TYPES[key];
      const at = localToEpochMinute(date, minute, spec.timezone);
      const contentType =
        spec_.requiresMedia && content.types.length > 0
          ? d.weighted(content.types, content.frequency)
          : null;
      const price = priceOf(key, d);
      const sent = audienceOf(spec_, spec.fanCount, d);
      const viewRate = Math.min(
        0.95,
        viewRateOf(spec.fanCount, spec.pageType, spec_) * Math.exp(0.25 * d.normal()),
      );
      const viewed = Math.min(sent, Math.round(sent * viewRate));
      let purchased = 0;
      if (price !== null) {
        const effect =
          WEEKDAY_EFFECT[weekdayOf(date)]! *
          HOUR_EFFECT[Math.floor(minute / 60)]! *
          POSITION_EFFECT[Math.min(position, POSITION_EFFECT.length - 1)]! *
          dayLoadEffect(pricedToday) *
          priceEffect(price) *
          tierEffect *
          (contentType === null ? 1 : content.effect(contentType)) *
          trend *
          Math.exp(0.3 * d.normal());
        purchased = Math.min(viewed, poisson(viewed * baseBuyRate * effect, d));
        position++;
      }
      const captionType = d.chance(0.8)
        ? spec_.captionTypes[0]
        : (spec_.captionTypes[1] ?? spec_.captionTypes[0]);
      let caption: PickedCaption | null = null;
      if (captionType !== undefined && d.chance(0.95)) {
        // eight tries at the message's content type, then two at any content type
        for (let attempt = 0; attempt < 10 && caption === null; attempt++) {
          const c = picker.pick(captionType, d, attempt < 8 ? contentType : null);
          if (c !== null && at - (lastUse.get(c.captionId) ?? -Infinity) >= 14 * 1440) caption = c;
        }
        if (caption !== null) lastUse.set(caption.captionId, at);
      }
      out.push({
        creatorId,
        sentAt: epochMinuteToIso(at),
        sendTypeKey: key,
        price,
        sent,
        viewed,
        purchased,
        earnings: price === null ? 0 : Math.round(purchased * price * 100) / 100,
        captionId: caption?.captionId ?? null,
        ...(caption === null ? {} : { captionText: caption.text }),
        ...(contentType === null ? {} : { contentType }),
      });
    }
  }
  return out;
};
