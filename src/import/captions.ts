/**
 * The captions of the export's caption-bank files, typed by content rules (tables below) and
 * never by a row's position, with ids `<prefix>:<the file's id>`.
 *
 * Source: seed 001 §3.0-§3.2 (the caption bank, caption types); `../shared/real-data/README.md`
 * (the caption files).
 *
 * @internal
 * @module
 */
import type { CaptionType } from '../domain/catalog';
import type { CaptionRecord, CaptionUsage } from '../domain/types';
import type { CsvRow, CsvTable } from './csv';
import { readLastUsed, readNumber } from './fields';
import type { RowIssue } from './types';

/**
 * What a caption rule reads: the caption's text, the bump bank's length class, the price.
 *
 * Source: seed 001 §3.2 (caption types per send type); `../shared/real-data/README.md` (the caption files).
 *
 * @since 0.3.0
 * @category import
 */
export interface CaptionFacts {
  /** The caption text as the file holds it. */
  readonly text: string;
  /** The bump bank's `LengthCat` (`Short`, `Medium`, `Long`, `XL`); `''` elsewhere. */
  readonly lengthClass: string;
  /** Price in USD (the category files' `price`); 0 when blank. */
  readonly price: number;
}

/**
 * One row of a caption rule table: the first row whose `test` holds gives the type; the last
 * row of every table holds for any caption.
 *
 * Source: seed 001 §3.2 (caption types per send type); `../shared/real-data/README.md` (the caption files).
 *
 * @since 0.3.0
 * @category import
 */
export interface CaptionRule {
  /** The caption type given when `test` holds (001 §3.2). */
  readonly captionType: CaptionType;
  /** The rule in words. */
  readonly when: string;
  /** Whether the rule holds for a caption; pure, never throws. */
  readonly test: (c: CaptionFacts) => boolean;
}

const has =
  (re: RegExp) =>
  (c: CaptionFacts): boolean =>
    re.test(c.text);
const always = (): boolean => true;
const wordsOf = (text: string): number => text.trim().split(/\s+/).filter(Boolean).length;

const asksQuestion = has(/\?/);
const FLIRTING_WORDS =
  'flirting words or emoji (baby, babe, daddy, tease, naughty, 😘 😈 😏 😉 🔥 💦 ...)';
const flirting = has(
  /\b(baby|babe|daddy|tease|teasing|naughty|kiss(es)?|sexy|wet|horny)\b|😘|😈|😏|😉|🔥|💦|🥵|😜/iu,
);

const rules = (rows: ReadonlyArray<CaptionRule>): ReadonlyArray<CaptionRule> =>
  Object.freeze(rows.map((r) => Object.freeze(r)));

/**
 * `captions_bump_bank.csv` (send types `bump_normal` flirty / casual, `bump_descriptive` story /
 * personal, 001 §3.2): long texts tell a story; a question or flirting words are flirty; the
 * rest is casual.
 *
 * Source: seed 001 §3.2 (caption types per send type); `../shared/real-data/README.md` (the caption files).
 *
 * @since 0.3.0
 * @category import
 */
export const BUMP_BANK_RULES: ReadonlyArray<CaptionRule> = rules([
  // The export's own length class: Long and XL bumps are the descriptive (story) bumps.
  {
    captionType: 'story',
    when: 'length class Long or XL',
    test: (c) => /^(Long|XL)$/.test(c.lengthClass),
  },
  // A question asks the fan to answer: the flirty, reply-seeking bump.
  { captionType: 'flirty', when: 'asks a question (contains ?)', test: asksQuestion },
  // Pet names, teasing words and flirting emoji.
  { captionType: 'flirty', when: FLIRTING_WORDS, test: flirting },
  // Everything else: a plain, chatty bump.
  { captionType: 'casual', when: 'anything else', test: always },
]);

/**
 * `captions_followup_bump.csv`, free follow-up and bump mass-message captions (001 §3.2
 * `ppv_followup` / `close_sale`; otherwise a bump's `flirty` or `casual`). None becomes a type
 * that sells a PPV (`ppv_offer`, `teaser`, `bundle_offer`, ...): the export has no PPV captions
 * (its README), so a PPV slot gets a generic caption, reported as such, rather than a free
 * caption passed off as its own type.
 *
 * Source: seed 001 §3.2 (caption types per send type); `../shared/real-data/README.md` (the caption files).
 *
 * @since 0.3.0
 * @category import
 */
export const FOLLOWUP_RULES: ReadonlyArray<CaptionRule> = rules([
  {
    captionType: 'close_sale',
    when: 'priced, or closing words (unlock, last chance, expire, hurry, ...)',
    test: (c) =>
      c.price > 0 ||
      /\b(unlock|open(ed)?|last chance|don'?t miss|grab it|before it'?s gone|expire|tonight only|hurry)\b/i.test(
        c.text,
      ),
  },
  {
    captionType: 'ppv_followup',
    when: 'points at a sent message (inbox, DMs, did you see, ...)',
    test: has(
      /\b(inbox|dms?|sent (you|u)|check (your|ur)|did (you|u) see|still waiting|missed it)\b/i,
    ),
  },
  { captionType: 'flirty', when: 'asks a question (contains ?)', test: asksQuestion },
  { captionType: 'flirty', when: FLIRTING_WORDS, test: flirting },
  { captionType: 'casual', when: 'anything else', test: always },
]);

/**
 * `captions_link_drop.csv`: every link drop is a `link_promo`.
 *
 * Source: seed 001 §3.2 (caption types per send type); `../shared/real-data/README.md` (the caption files).
 *
 * @since 0.3.0
 * @category import
 */
export const LINK_DROP_RULES: ReadonlyArray<CaptionRule> = rules([
  { captionType: 'link_promo', when: 'any link drop', test: always },
]);

/**
 * `captions_renew_campaign.csv` (001 §3.2 `renew_on` renewal / appreciation).
 *
 * Source: seed 001 §3.2 (caption types per send type); `../shared/real-data/README.md` (the caption files).
 *
 * @since 0.3.0
 * @category import
 */
export const RENEW_RULES: ReadonlyArray<CaptionRule> = rules([
  {
    captionType: 'appreciation',
    when: 'thanks or loyalty words',
    test: has(/\b(thank(s| you)?|appreciat\w*|loyal|grateful)\b/i),
  },
  { captionType: 'renewal', when: 'anything else', test: always },
]);

/**
 * `captions_tip_campaign.csv` (001 §3.2 `tip_goal` / games).
 *
 * Source: seed 001 §3.2 (caption types per send type); `../shared/real-data/README.md` (the caption files).
 *
 * @since 0.3.0
 * @category import
 */
export const TIP_RULES: ReadonlyArray<CaptionRule> = rules([
  {
    captionType: 'game_invite',
    when: 'game words (game, spin, wheel, dice, contest, win, ...)',
    test: has(/\b(game|spin|wheel|dice|pick a|roll|guess|contest|win(ner)?)\b/i),
  },
  {
    captionType: 'urgency',
    when: 'urgency words (first, only, now, hurry, minutes, ...)',
    test: has(/\b(first|only|now|hurry|fast|quick|minutes?|asap)\b/i),
  },
  { captionType: 'tip_goal_promo', when: 'anything else', test: always },
]);

/**
 * `caption_earnings_short.csv`: a question is an engagement prompt, at most 3 words playful,
 * else flirty (a bump's type: the file does not say which short captions sold a PPV, so none is
 * given a PPV-selling type such as `teaser`).
 *
 * Source: seed 001 §3.2 (caption types per send type); `../shared/real-data/README.md` (the caption files).
 *
 * @since 0.3.0
 * @category import
 */
export const SHORT_RULES: ReadonlyArray<CaptionRule> = rules([
  { captionType: 'engagement_prompt', when: 'asks a question (contains ?)', test: asksQuestion },
  { captionType: 'playful', when: 'at most 3 words', test: (c) => wordsOf(c.text) <= 3 },
  { captionType: 'flirty', when: 'anything else', test: always },
]);

/**
 * The caption type the first matching row of `table` gives (the last row when none matches).
 *
 * @example
 * captionTypeOf(BUMP_BANK_RULES, { text: 'Miss me?', lengthClass: 'Short', price: 0 }) // 'flirty'
 *
 * Source: seed 001 §3.2 (caption types per send type); `../shared/real-data/README.md` (the caption files).
 *
 * @since 0.3.0
 * @category import
 */
export const captionTypeOf = (table: ReadonlyArray<CaptionRule>, c: CaptionFacts): CaptionType =>
  (table.find((r) => r.test(c)) ?? (table[table.length - 1] as CaptionRule)).captionType;

/** The bump bank's `Explicitness` tag, where it names one content type unambiguously. */
const EXPLICITNESS_CONTENT: Readonly<Record<string, string>> = Object.freeze({
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
});

/** Score of a caption with no recorded performance: the export's own score of unused captions. */
const NEUTRAL_SCORE = 50;

/** Score from a use count: reuse signals a caption that worked (50 unused, +8 per use, max 90). */
const scoreFromUses = (timesUsed: number): number =>
  Math.min(100, NEUTRAL_SCORE + 8 * Math.min(5, Math.max(0, timesUsed)));

interface FileSpec {
  readonly file: string;
  readonly prefix: string;
  readonly idColumn: string;
}

/** The caption files, their id prefix and id column. */
export const CAPTION_FILES = Object.freeze({
  bump: { file: 'captions_bump_bank.csv', prefix: 'bump', idColumn: 'caption_ref' },
  followup: { file: 'captions_followup_bump.csv', prefix: 'followup', idColumn: 'row_id' },
  link: { file: 'captions_link_drop.csv', prefix: 'link', idColumn: 'row_id' },
  renew: { file: 'captions_renew_campaign.csv', prefix: 'renew', idColumn: 'row_id' },
  tip: { file: 'captions_tip_campaign.csv', prefix: 'tip', idColumn: 'row_id' },
  short: { file: 'caption_earnings_short.csv', prefix: 'short', idColumn: 'caption_id' },
} as const satisfies Readonly<Record<string, FileSpec>>);

/** Which caption files were read (absent = not passed). */
export type CaptionTables = Partial<Readonly<Record<keyof typeof CAPTION_FILES, CsvTable>>>;

/** The captions read and the row issues of the caption files. */
export interface ReadCaptions {
  readonly captions: ReadonlyArray<CaptionRecord>;
  readonly issues: ReadonlyArray<RowIssue>;
}

/**
 * Reads one caption file: a row without id or text is skipped (row issue); a repeated id with
 * the same text is a duplicate row and dropped, with other text it gets `-2`, `-3`, ...
 */
const readFile = (
  spec: FileSpec,
  table: CsvTable,
  issues: RowIssue[],
  build: (
    row: CsvRow,
    text: string,
    bad: (column: string, message: string) => void,
  ) => Omit<CaptionRecord, 'captionId' | 'text'>,
): CaptionRecord[] => {
  const seen = new Map<string, string>();
  const out: CaptionRecord[] = [];
  for (const row of table.rows) {
    const bad = (column: string, message: string): void => {
      issues.push({
        file: spec.file,
        line: row.line,
        column,
        message,
        value: row.fields[column] ?? null,
      });
    };
    const rawId = (row.fields[spec.idColumn] ?? '').trim();
    const text = (row.fields.caption_text ?? '').trim();
    if (text === '') {
      bad('caption_text', 'empty caption text: row skipped');
      continue;
    }
    if (rawId === '') {
      bad(spec.idColumn, 'blank caption id: row skipped');
      continue;
    }
    const base = `${spec.prefix}:${rawId}`;
    let id: string | null = null;
    for (let n = 1; id === null; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      const before = seen.get(candidate);
      if (before === undefined) id = candidate;
      else if (before === text) break;
    }
    if (id === null) continue;
    seen.set(id, text);
    out.push({ captionId: id, text, ...build(row, text, bad) });
  }
  return out;
};

/** A number field: blank is 0, unreadable is 0 with a row issue. */
const numberOr0 = (
  row: CsvRow,
  column: string,
  bad: (column: string, message: string) => void,
): number => {
  const r = readNumber(row.fields[column]);
  if (r.kind === 'bad') bad(column, 'not a number: read as 0');
  return r.kind === 'ok' ? r.value : 0;
};

/**
 * Reads every caption file passed. `contentKeys`: the agency's content types
 * (`content_types.json`), `null` when not passed (every tag of the table is then kept);
 * `zone`: the zone the bump bank's last-use times are read in.
 */
export const readCaptions = (
  tables: CaptionTables,
  contentKeys: ReadonlySet<string> | null,
  zone: string,
): ReadCaptions => {
  const issues: RowIssue[] = [];
  const categoryFile = (
    key: 'followup' | 'link' | 'renew' | 'tip',
    table: ReadonlyArray<CaptionRule>,
  ): CaptionRecord[] => {
    const t = tables[key];
    return t === undefined
      ? []
      : readFile(CAPTION_FILES[key], t, issues, (row, text, bad) => ({
          captionType: captionTypeOf(table, {
            text,
            lengthClass: '',
            price: numberOr0(row, 'price', bad),
          }),
          contentType: null,
          performanceScore: NEUTRAL_SCORE,
          usage: [],
        }));
  };

  const bump =
    tables.bump === undefined
      ? []
      : readFile(CAPTION_FILES.bump, tables.bump, issues, (row, text, bad) => {
          const timesUsed = numberOr0(row, 'TimesUsed', bad);
          const last = readLastUsed(row.fields.LastUsedDate, zone);
          if (last.kind === 'bad') bad('LastUsedDate', 'not a date: use not recorded');
          const page = (row.fields.last_used_page ?? '').trim();
          const content = EXPLICITNESS_CONTENT[(row.fields.Explicitness ?? '').trim()];
          const usage: ReadonlyArray<CaptionUsage> =
            last.kind === 'ok' && page !== ''
              ? [
                  {
                    creatorId: page,
                    lastUsedAt: last.value,
                    useCount: Math.max(1, Math.round(timesUsed)),
                  },
                ]
              : [];
          return {
            captionType: captionTypeOf(BUMP_BANK_RULES, {
              text,
              lengthClass: (row.fields.LengthCat ?? '').trim(),
              price: 0,
            }),
            contentType:
              content !== undefined && (contentKeys === null || contentKeys.has(content))
                ? content
                : null,
            performanceScore: scoreFromUses(timesUsed),
            usage,
          };
        });

  const followup = categoryFile('followup', FOLLOWUP_RULES);
  const link = categoryFile('link', LINK_DROP_RULES);
  const renew = categoryFile('renew', RENEW_RULES);
  const tip = categoryFile('tip', TIP_RULES);
  const short =
    tables.short === undefined
      ? []
      : readFile(CAPTION_FILES.short, tables.short, issues, (row, text, bad) => {
          const score = readNumber(row.fields.performance_score);
          if (score.kind === 'bad') bad('performance_score', 'not a number: score from uses');
          else if (score.kind === 'ok' && (score.value < 0 || score.value > 100))
            bad('performance_score', 'outside 0..100: clamped');
          return {
            captionType: captionTypeOf(SHORT_RULES, { text, lengthClass: '', price: 0 }),
            contentType: null,
            performanceScore:
              score.kind === 'ok'
                ? Math.min(100, Math.max(0, score.value))
                : scoreFromUses(numberOr0(row, 'times_used', bad)),
            usage: [],
          };
        });

  return {
    captions: [...bump, ...followup, ...link, ...renew, ...tip, ...short],
    issues,
  };
};
