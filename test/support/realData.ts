/**
 * Loads the agency's real exports from `../shared/real-data/` (relative to the project root)
 * into an `InMemoryDataset`. Test and benchmark input only: the files are never copied into the
 * project. Tests skip when `hasRealData()` is false.
 *
 * What the export has, and what it does not (nothing is invented to fill the gaps):
 * - 40 creators (`creator_stats_week.csv`); content page type and sub-type are not in the
 *   export and are assigned by row, cycling through the 3 x 3 combinations.
 * - ~27k captions of the free families (bumps, follow-up bumps, link drops, renew and tip
 *   campaigns, short captions). The PPV, bundle, VIP and game captions are NOT in the export,
 *   so those send types must degrade (generic captions / `MANUAL_REQUIRED`).
 * - No per-creator message history, vault or timing: `history` is empty; `vaults` and `timing`
 *   are absent (the ports answer `null`). The agency's week of mass messages has no creator id
 *   and is offered apart by `loadRealMassMessages()`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TZDate } from '@date-fns/tz';
import { quantile } from 'simple-statistics';
import type { CaptionType } from '../../src/domain/catalog';
import type {
  CaptionRecord,
  CaptionUsage,
  ContentPageType,
  CreatorProfile,
  MassMessage,
  SubType,
} from '../../src/domain/types';
import type { InMemoryDataset } from '../../src/ports/dataset';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Absolute path of the shared real-data folder (`<repo>/../shared/real-data`). */
export const realDataDir: string = path.resolve(repoRoot, '../shared/real-data');

/** Message for `describe.skipIf(!hasRealData())`. */
export const REAL_DATA_SKIP_REASON = `real agency data not found at ${realDataDir}; real-data tests skipped`;

const REQUIRED_FILES = [
  'creator_stats_week.csv',
  'captions_bump_bank.csv',
  'captions_followup_bump.csv',
  'captions_link_drop.csv',
  'captions_renew_campaign.csv',
  'captions_tip_campaign.csv',
  'caption_earnings_short.csv',
  'mass_messages_week.csv',
  'content_types.json',
];

/** Whether every file the loaders read is present. */
export const hasRealData = (): boolean =>
  REQUIRED_FILES.every((f) => existsSync(path.join(realDataDir, f)));

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

/**
 * Parses RFC 4180 CSV: quoted fields, doubled quotes inside quotes, commas and newlines inside
 * quotes, CRLF or LF line ends, a leading BOM. Returns the rows as arrays of fields.
 */
export const parseCsvRows = (text: string): string[][] => {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    let field: string;
    if (src[i] === '"') {
      // Quoted field: runs to the next quote not doubled.
      const parts: string[] = [];
      let from = i + 1;
      for (;;) {
        const q = src.indexOf('"', from);
        if (q === -1) {
          parts.push(src.slice(from));
          i = n;
          break;
        }
        parts.push(src.slice(from, q));
        if (src[q + 1] === '"') {
          parts.push('"');
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      field = parts.join('');
      // Anything between the closing quote and the delimiter is kept, as lenient parsers do.
      while (i < n && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') field += src[i++];
    } else {
      let j = i;
      while (j < n && src[j] !== ',' && src[j] !== '\n' && src[j] !== '\r') j++;
      field = src.slice(i, j);
      i = j;
    }
    row.push(field);
    if (i >= n) break;
    const d = src[i];
    i++;
    if (d === ',') {
      if (i === n) row.push('');
      continue;
    }
    if (d === '\r' && src[i] === '\n') i++;
    rows.push(row);
    row = [];
  }
  if (row.length > 0) rows.push(row);
  return rows;
};

/** Parses CSV with a header row into records keyed by column name; blank lines are dropped. */
export const parseCsv = (text: string): Array<Record<string, string>> => {
  const [header, ...body] = parseCsvRows(text);
  if (header === undefined) return [];
  return body
    .filter((r) => r.some((f) => f.trim() !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? ''])));
};

const readCsv = (file: string): Array<Record<string, string>> =>
  parseCsv(readFileSync(path.join(realDataDir, file), 'utf8'));

const num = (s: string | undefined): number => {
  const n = Number((s ?? '').replace(/[$,]/g, '').trim());
  return Number.isFinite(n) ? n : 0;
};

const clamp = (lo: number, hi: number, x: number): number => Math.min(hi, Math.max(lo, x));

// ---------------------------------------------------------------------------------------------
// Time: the agency's exports are US Eastern wall clock
// ---------------------------------------------------------------------------------------------

const AGENCY_TZ = 'America/New_York';

const MONTHS: Readonly<Record<string, number>> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};

/** UTC ISO instant of an agency wall-clock time. */
const easternToIso = (y: number, month0: number, d: number, h: number, min: number): string =>
  new Date(new TZDate(y, month0, d, h, min, AGENCY_TZ).getTime()).toISOString();

/** `Sep 14, 2025 at 12:13 AM` (US Eastern) as a UTC ISO instant; `null` when unreadable. */
export const parseSendingTime = (s: string): string | null => {
  const m = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4}) at (\d{1,2}):(\d{2}) (AM|PM)$/.exec(s.trim());
  const month = m ? MONTHS[m[1]!] : undefined;
  if (!m || month === undefined) return null;
  const h12 = Number(m[4]) % 12;
  return easternToIso(
    Number(m[3]),
    month,
    Number(m[2]),
    m[6] === 'PM' ? h12 + 12 : h12,
    Number(m[5]),
  );
};

/** `2025-07-29 21:16` or `07/19/2025` (US Eastern) as a UTC ISO instant; `null` when blank. */
const parseLastUsed = (s: string): string | null => {
  const a = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(s.trim());
  if (a)
    return easternToIso(
      Number(a[1]),
      Number(a[2]) - 1,
      Number(a[3]),
      Number(a[4] ?? 0),
      Number(a[5] ?? 0),
    );
  const b = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s.trim());
  if (b) return easternToIso(Number(b[3]), Number(b[1]) - 1, Number(b[2]), 0, 0);
  return null;
};

// ---------------------------------------------------------------------------------------------
// Creators
// ---------------------------------------------------------------------------------------------

const CONTENT_PAGE_TYPES: ReadonlyArray<ContentPageType> = ['nude', 'non_nude', 'porno'];
const SUB_TYPES: ReadonlyArray<SubType> = ['gfe', 'commercial', 'personalized'];

/**
 * Creators of `creator_stats_week.csv`. Page type `paid` when the week had subscription
 * income or renew-on fans; tier from the quintiles of total net earnings (1 = top fifth).
 */
const loadCreators = (): CreatorProfile[] => {
  const rows = readCsv('creator_stats_week.csv');
  const earnings = rows.map((r) => num(r.total_earnings_net));
  const cuts = [0.8, 0.6, 0.4, 0.2].map((p) => quantile(earnings, p));
  return rows.map((r, i) => {
    const e = num(r.total_earnings_net);
    const above = cuts.findIndex((c) => e >= c);
    const paid =
      num(r.subscription_net) > 0 ||
      num(r.renew_on_percent) > 0 ||
      num(r.recurring_subscriptions_net) > 0;
    return {
      creatorId: r.creator_id!,
      displayName: r.creator_id!,
      pageType: paid ? 'paid' : 'free',
      fanCount: Math.max(0, Math.round(num(r.active_fans))),
      timezone: r.snapshot_tz || AGENCY_TZ,
      contentPageType: CONTENT_PAGE_TYPES[Math.floor(i / 3) % 3]!,
      subType: SUB_TYPES[i % 3]!,
      performanceTier: above === -1 ? 5 : above + 1,
    };
  });
};

// ---------------------------------------------------------------------------------------------
// Captions
// ---------------------------------------------------------------------------------------------

/** Content-type keys of the agency (`content_types.json`). */
const loadContentTypeKeys = (): ReadonlySet<string> =>
  new Set(
    (
      JSON.parse(readFileSync(path.join(realDataDir, 'content_types.json'), 'utf8')) as {
        content_types: string[];
      }
    ).content_types,
  );

/** The bump bank's `Explicitness` tag, where it names one content type unambiguously. */
const EXPLICITNESS_CONTENT: Readonly<Record<string, string>> = {
  'G/G': 'girl_girl',
  'B/G': 'boy_girl',
  BJ: 'blowjob',
  SOLO: 'solo',
  SQUIRT: 'squirt',
  JOI: 'joi',
  ANAL: 'anal',
  POV: 'pov',
  BUNDLE: 'bundle_offer',
  OUTDOOR: 'pool_outdoor',
  STRIPTEASE: 'teasing',
  ROLEPLAY: 'story_roleplay',
  'DILDO RIDING': 'toy_play',
  'FOOT FETISH': 'feet',
  'DOM/SUB': 'dom_sub',
};

/** Score of a caption with no recorded performance: the export's own default for unused captions. */
const NEUTRAL_SCORE = 50;

/** Score from a use count: reuse signals a caption that worked (50 unused, +8 per use, max 90). */
const scoreFromUses = (timesUsed: number): number =>
  clamp(0, 100, NEUTRAL_SCORE + 8 * Math.min(5, timesUsed));

const has =
  (re: RegExp) =>
  (text: string): boolean =>
    re.test(text);
const closesSale = has(
  /\b(unlock|open(ed)?|last chance|don'?t miss|grab it|before it'?s gone|expire|tonight only|hurry)\b/i,
);
const followsUpPpv = has(
  /\b(inbox|dms?|sent (you|u)|check (your|ur)|did (you|u) see|still waiting|missed it)\b/i,
);
const appreciates = has(/\b(thank(s| you)?|appreciat\w*|loyal|grateful)\b/i);
const urgent = has(/\b(first|only|now|hurry|fast|quick|minutes?|asap)\b/i);
const gameLike = has(/\b(game|spin|wheel|dice|pick a|roll|guess|contest|win(ner)?)\b/i);
const asks = has(/\?/);

/** Assigns unique ids: a repeated id with the same text is a duplicate row and is dropped; with other text it gets `-2`, `-3`, ... */
const uniqueIds = () => {
  const seen = new Map<string, string>();
  return (id: string, text: string): string | null => {
    if (!seen.has(id)) {
      seen.set(id, text);
      return id;
    }
    if (seen.get(id) === text) return null;
    for (let n = 2; ; n++) {
      const alt = `${id}-${n}`;
      if (!seen.has(alt)) {
        seen.set(alt, text);
        return alt;
      }
      if (seen.get(alt) === text) return null;
    }
  };
};

interface RawCaption {
  readonly id: string;
  readonly text: string;
  readonly captionType: CaptionType;
  readonly contentType: string | null;
  readonly performanceScore: number;
  readonly usage: ReadonlyArray<CaptionUsage>;
}

const finish = (prefix: string, raws: ReadonlyArray<RawCaption>): CaptionRecord[] => {
  const unique = uniqueIds();
  const out: CaptionRecord[] = [];
  for (const r of raws) {
    const text = r.text.trim();
    if (text === '') continue;
    const id = unique(`${prefix}:${r.id}`, text);
    if (id === null) continue;
    out.push({
      captionId: id,
      text,
      captionType: r.captionType,
      contentType: r.contentType,
      performanceScore: r.performanceScore,
      usage: r.usage,
    });
  }
  return out;
};

/** `captions_bump_bank.csv`: Long/XL -> story; otherwise flirty / casual alternating by row. */
const bumpBank = (contentKeys: ReadonlySet<string>): CaptionRecord[] =>
  finish(
    'bump',
    readCsv('captions_bump_bank.csv').map((r, i) => {
      const timesUsed = num(r.TimesUsed);
      const lastUsedAt = parseLastUsed(r.LastUsedDate ?? '');
      const page = (r.last_used_page ?? '').trim();
      const content = EXPLICITNESS_CONTENT[(r.Explicitness ?? '').trim()];
      const long = r.LengthCat === 'Long' || r.LengthCat === 'XL';
      return {
        id: r.caption_ref || `row${i}`,
        text: r.caption_text ?? '',
        captionType: long ? 'story' : i % 2 === 0 ? 'flirty' : 'casual',
        contentType: content !== undefined && contentKeys.has(content) ? content : null,
        performanceScore: scoreFromUses(timesUsed),
        usage:
          lastUsedAt !== null && page !== ''
            ? [{ creatorId: page, lastUsedAt, useCount: Math.max(1, timesUsed) }]
            : [],
      };
    }),
  );

/** The five "category" exports (`row_id,caption_text,price,...`), typed by `pick`. */
const categoryFile = (
  file: string,
  prefix: string,
  pick: (text: string, row: Record<string, string>, i: number) => CaptionType,
) =>
  finish(
    prefix,
    readCsv(file).map((r, i) => ({
      id: r.row_id || `row${i}`,
      text: r.caption_text ?? '',
      captionType: pick(r.caption_text ?? '', r, i),
      contentType: null,
      performanceScore: NEUTRAL_SCORE,
      usage: [],
    })),
  );

/** `caption_earnings_short.csv`: question -> engagement_prompt, up to 3 words -> playful, else teaser; the file's score. */
const shortCaptions = (): CaptionRecord[] =>
  finish(
    'short',
    readCsv('caption_earnings_short.csv').map((r, i) => {
      const text = r.caption_text ?? '';
      const words = text.trim().split(/\s+/).length;
      return {
        id: r.caption_id || `row${i}`,
        text,
        captionType: asks(text) ? 'engagement_prompt' : words <= 3 ? 'playful' : 'teaser',
        contentType: null,
        performanceScore: clamp(
          0,
          100,
          r.performance_score ? num(r.performance_score) : scoreFromUses(num(r.times_used)),
        ),
        usage: [],
      };
    }),
  );

const loadCaptions = (): CaptionRecord[] => {
  const contentKeys = loadContentTypeKeys();
  return [
    ...bumpBank(contentKeys),
    ...categoryFile('captions_followup_bump.csv', 'followup', (text, r) =>
      num(r.price) > 0 || closesSale(text)
        ? 'close_sale'
        : followsUpPpv(text)
          ? 'ppv_followup'
          : 'teaser',
    ),
    ...categoryFile('captions_link_drop.csv', 'link', () => 'link_promo'),
    ...categoryFile('captions_renew_campaign.csv', 'renew', (text) =>
      appreciates(text) ? 'appreciation' : 'renewal',
    ),
    ...categoryFile('captions_tip_campaign.csv', 'tip', (text) =>
      gameLike(text) ? 'game_invite' : urgent(text) ? 'urgency' : 'tip_goal_promo',
    ),
    ...shortCaptions(),
  ];
};

// ---------------------------------------------------------------------------------------------
// Public loaders (memoised: parsed once per process)
// ---------------------------------------------------------------------------------------------

/** The real dataset and its creator ids (file order). */
export interface RealDataset {
  readonly dataset: InMemoryDataset;
  readonly creatorIds: string[];
}

let datasetCache: RealDataset | undefined;
let messagesCache: MassMessage[] | undefined;

/**
 * The real agency data as an `InMemoryDataset`: 40 creators, ~27k captions, empty history,
 * no vaults, timing, trends, personas or rotation states. Parsed once per process.
 */
export const loadRealDataset = (): RealDataset => {
  if (datasetCache === undefined) {
    const creators = loadCreators();
    datasetCache = {
      dataset: { creators, history: [], captions: loadCaptions() },
      creatorIds: creators.map((c) => c.creatorId),
    };
  }
  return datasetCache;
};

/**
 * The agency's week of mass messages (Sep 7-14 2025), all under creator `agency_week`: the
 * export names staff senders, not creators. `sendTypeKey` is `ppv_unlock` when priced, else
 * `bump_normal`; price `-` is `null`; times are US Eastern read as UTC instants; sent and unsent
 * rows both kept (unsent rows still carry audience counts). Parsed once per process.
 */
export const loadRealMassMessages = (): MassMessage[] => {
  if (messagesCache === undefined) {
    messagesCache = readCsv('mass_messages_week.csv').flatMap((r): MassMessage[] => {
      const sentAt = parseSendingTime(r.sending_time ?? '');
      if (sentAt === null) return [];
      const priceText = (r.price ?? '').trim();
      const price = priceText === '' || priceText === '-' ? null : num(priceText);
      return [
        {
          creatorId: 'agency_week',
          sentAt,
          sendTypeKey: price !== null && price > 0 ? 'ppv_unlock' : 'bump_normal',
          price: price !== null && price > 0 ? price : null,
          sent: Math.max(0, Math.round(num(r.sent))),
          viewed: Math.max(0, Math.round(num(r.viewed))),
          purchased: Math.max(0, Math.round(num(r.purchased))),
          earnings: Math.max(0, num(r.earnings)),
          captionId: null,
        },
      ];
    });
    messagesCache.sort((a, b) => a.sentAt.localeCompare(b.sentAt));
  }
  return messagesCache;
};
