/**
 * PPV caption structure: whether a caption holds the elements of the seed 004 structure its item
 * should fit (Winner PPV, Bundle PPV, Wall Campaign), and how many of them it has.
 *
 * Each element is a transparent detector: a short list of phrases and a few linear-time regular
 * expressions (no nested quantifier, no backreference), all exported read-only in
 * `PPV_ELEMENT_DETECTORS`, so a user can see exactly what is matched. The detectors are
 * heuristics for English captions; they read text with emojis and punctuation and never throw.
 * The six detectors that search the whole text or the opening (`clickbait`, `exclusivity`,
 * `valueAnchor`, `callToAction`, `itemization`, `urgency`) are monotone: text appended after
 * white space never removes what they found. The wall campaign's three read the title, body and
 * wrap, which move when lines are added.
 *
 * How a caption is read (`ppvCaptionParts`):
 *
 * - **Lines**: the text split at line breaks (`\n`, `\r\n`, `\r`, U+2028, U+2029), each trimmed;
 *   empty lines are dropped.
 * - **Sentences**: each line split after a run of `.`, `!`, `?`, `…`, `‼` or `⁉` that is followed
 *   by white space or ends the line (`$9.99` and `...and` stay whole); a line break always ends a
 *   sentence. Emojis do not end a sentence.
 * - **Opening**: the first sentence.
 * - **Title**: the first line when the caption has two lines or more, else the first sentence.
 * - **Body**: the text after the title (the following lines, or the following sentences of a
 *   one-line caption), `''` when nothing follows.
 * - **Wrap**: the last sentence after the title, `null` when nothing follows the title.
 * - **Words**: white-space separated tokens that hold a letter or a digit (an emoji alone is no
 *   word). **Characters**: Unicode code points.
 * - **Phrases** match case-insensitively as whole words (no letter or digit right before or
 *   after); a space inside a phrase matches any run of white space, and an apostrophe may be
 *   typed `'`, `’` or left out (`don't`, `don’t`, `dont`).
 *
 * Source: seed 004 "PPV Structure Validation", table "PPV Caption Structure Requirements"; seed
 * 003 gaps 1.1-1.2 (the PPV styles); RULINGS "Rotation and state" (styles, bundle send types).
 *
 * @module
 */
import type { SendTypeKey } from '../domain/catalog';
import { deepFreeze } from '../domain/freeze';
import { DEFAULT_POLICY } from '../domain/policy';
import type { PpvStructurePolicy } from '../domain/policyTypes';
import type { PpvStyle } from '../domain/types';
import {
  alt,
  DIGIT,
  findIn,
  hasClass,
  L_IU,
  L_U,
  LN_IU,
  LN_U,
  LU,
  lit,
  type Matcher,
  N_DOT_COMMA,
  notAfterClass,
  notBeforeClass,
  oneOf,
  opt,
  optOneOf,
  phrases,
  run,
  type ScannedText,
  scanText,
  seq,
  WS,
} from './wordMatch';

/**
 * The three caption structures of seed 004: `winner` (Winner PPV), `bundle` (Bundle PPV) and
 * `wall_campaign` (Wall Campaign).
 *
 * Source: seed 004 "PPV Caption Structure Requirements".
 *
 * @since 0.3.0
 * @category content
 */
export type PpvStructureType = 'winner' | 'bundle' | 'wall_campaign';

/**
 * An element of a caption structure (the seed's column "Elements Required", camelCase):
 * `clickbait`, `exclusivity`, `valueAnchor`, `callToAction` (Winner PPV); `itemization`,
 * `valueAnchor`, `urgency` (Bundle PPV); `clickbaitTitle`, `bodyWithSetting`, `shortWrap` (Wall
 * Campaign). `valueAnchor` belongs to two structures, so there are 9 names for 10 table cells.
 *
 * Source: seed 004 "PPV Caption Structure Requirements".
 *
 * @since 0.3.0
 * @category content
 */
export type PpvStructureElement =
  | 'clickbait'
  | 'exclusivity'
  | 'valueAnchor'
  | 'callToAction'
  | 'itemization'
  | 'urgency'
  | 'clickbaitTitle'
  | 'bodyWithSetting'
  | 'shortWrap';

/**
 * The structures in seed order.
 *
 * Source: seed 004 "PPV Caption Structure Requirements".
 *
 * @since 0.3.0
 * @category content
 */
export const PPV_STRUCTURE_TYPES: ReadonlyArray<PpvStructureType> = Object.freeze([
  'winner',
  'bundle',
  'wall_campaign',
]);

/**
 * Each structure's elements, in the seed's order.
 *
 * Source: seed 004 "PPV Caption Structure Requirements" (column "Elements Required").
 *
 * @since 0.3.0
 * @category content
 */
export const PPV_STRUCTURES: Readonly<
  Record<PpvStructureType, ReadonlyArray<PpvStructureElement>>
> = deepFreeze({
  winner: ['clickbait', 'exclusivity', 'valueAnchor', 'callToAction'], // 004: Clickbait, Exclusivity, Value Anchor, CTA
  bundle: ['itemization', 'valueAnchor', 'urgency'], // 004: Itemization, Value Anchor, Urgency
  wall_campaign: ['clickbaitTitle', 'bodyWithSetting', 'shortWrap'], // 004: Clickbait Title, Body with Setting, Short Wrap
});

/**
 * Every element name, in the order of `PPV_STRUCTURES` (winner, bundle, wall campaign), each
 * once.
 *
 * @since 0.3.0
 * @category content
 */
export const PPV_STRUCTURE_ELEMENTS: ReadonlyArray<PpvStructureElement> = Object.freeze([
  'clickbait',
  'exclusivity',
  'valueAnchor',
  'callToAction',
  'itemization',
  'urgency',
  'clickbaitTitle',
  'bodyWithSetting',
  'shortWrap',
]);

export type { PpvStructurePolicy };

/**
 * What part of a caption a detector reads (see the module documentation for how text is split):
 * `opening` the first sentence, `text` the whole caption, `title` the first line (or sentence),
 * `body` the text after the title, `wrap` the last sentence after the title.
 *
 * @since 0.3.0
 * @category content
 */
export type PpvDetectorScope = 'opening' | 'text' | 'title' | 'body' | 'wrap';

/**
 * One element detector: the part of the caption it reads, a description of the rule, its phrase
 * list and every regular expression it uses (the phrase list compiled is the first pattern).
 * The element is found when the rule in `description` holds.
 *
 * @since 0.3.0
 * @category content
 */
export interface PpvElementDetector {
  /** The structure element the detector finds. */
  readonly element: PpvStructureElement;
  /** The part of the caption it reads. */
  readonly scope: PpvDetectorScope;
  /** The rule in plain English: the element is found when it holds. */
  readonly description: string;
  /** The phrase list (matched case-insensitively as whole words). */
  readonly phrases: ReadonlyArray<string>;
  /** Every regular expression that defines the detector, the compiled phrase list first (all linear-time); those with a Unicode class run as an equal word matcher. */
  readonly patterns: ReadonlyArray<RegExp>;
}

// ---------------------------------------------------------------------------------- phrase lists

/** Hook words and phrases of an opening (clickbait, clickbait title). */
const CLICKBAIT_PHRASES = [
  "you won't believe",
  "can't believe",
  'guess what',
  'guess who',
  'omg',
  'oh my god',
  'finally',
  'wait till you see',
  'wait until you see',
  'sneak peek',
  'secret',
  'oops',
  'surprise',
  'confession',
] as const;

/** Exclusivity: the content is rare, private or for this fan only. */
const EXCLUSIVITY_PHRASES = [
  'only for you',
  'just for you',
  'exclusive',
  'exclusively',
  'never seen',
  'never been seen',
  'no one else',
  'nobody else',
  'first time',
  'just for my',
  'only for my',
  'private',
  'limited to',
  'vip only',
] as const;

/** Value anchor words (amounts, `% off` and currencies are patterns). */
const VALUE_PHRASES = [
  'worth',
  'value',
  'valued at',
  'normally',
  'usually',
  'instead of',
  'regular price',
  'save',
  'half price',
  'half off',
  'for only',
  'discount',
  'discounted',
] as const;

/** Calls to action. */
const CTA_PHRASES = [
  'unlock',
  'open',
  'tap',
  'click',
  'grab',
  'get it',
  "don't miss",
  'dm me',
  'message me',
  'reply',
  'check your dms',
  'check your inbox',
  'send me',
] as const;

/** Itemization words (counted items, `x3`, `+` and list lines are patterns). */
const ITEMIZATION_PHRASES = [
  'plus',
  'bundle of',
  'set of',
  'pack of',
  'includes',
  'including',
] as const;

/** Urgency (hour counts and `first N` are patterns). */
const URGENCY_PHRASES = [
  'today only',
  'only today',
  'tonight',
  'ends',
  'ending',
  'last chance',
  'hurry',
  'limited time',
  'expires',
  'expiring',
  'before midnight',
  'until midnight',
  'now or never',
  "don't wait",
  "won't last",
] as const;

/** Places, situations and outfits that set a scene (body with setting). */
const SETTING_PHRASES = [
  'shower',
  'bath',
  'bathtub',
  'bathroom',
  'bed',
  'bedroom',
  'couch',
  'sofa',
  'kitchen',
  'hotel',
  'beach',
  'pool',
  'car',
  'gym',
  'office',
  'mirror',
  'balcony',
  'outside',
  'after work',
  'this morning',
  'last night',
  'outfit',
  'lingerie',
  'bikini',
  'stockings',
  'heels',
] as const;

/** Sign-offs of a wrap (a call to action also wraps). */
const SIGN_OFF_PHRASES = [
  'enjoy',
  'xoxo',
  'xo',
  'see you',
  'let me know',
  'love you',
  'kisses',
  'talk soon',
  'have fun',
  'tell me what you think',
  'mwah',
] as const;

/** Number words that count items (`three videos`, `first ten`). */
const NUMBER_WORDS = 'two|three|four|five|six|seven|eight|nine|ten|twenty';

// ---------------------------------------------------------------------------------- patterns

/** The regex syntax characters (escaped in a phrase; valid escapes under the `u` flag). */
const SYNTAX_CHARACTERS = /[\\^$.*+?()[\]{}|/]/g;

const phraseSource = (phrase: string): string =>
  phrase.replace(SYNTAX_CHARACTERS, '\\$&').replace(/'/g, "['’]?").replace(/ /g, '\\s+');

/** One case-insensitive pattern matching any phrase of the list as whole words. */
const phrasePattern = (phrases: ReadonlyArray<string>): RegExp =>
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${phrases.map(phraseSource).join('|')})(?![\\p{L}\\p{N}])`,
    'iu',
  );

/** A word of 3 letters or more, all capitals (`OMG`, `NEW`). Case-sensitive on purpose. */
const ALL_CAPS_WORD = /(?<![\p{L}\p{N}])\p{Lu}{3,}(?![\p{L}\p{N}])/u;
/** A question or exclamation mark. */
const HOOK_PUNCTUATION = /[?!¿¡‼⁉？！]/u;
/** A currency sign before an amount (`$25`, `€ 9.99`). */
const CURRENCY_AMOUNT = /[$€£]\s?\d+(?:[.,]\d{1,2})?/u;
/** An amount before a currency (`25$`, `30 usd`, `10 bucks`). */
const AMOUNT_CURRENCY =
  /(?<![\p{N}.,])\d+(?:[.,]\d{1,2})?\s?(?:[$€£]|usd|dollars?|bucks)(?![\p{L}\p{N}])/iu;
/** A percentage off (`50% off`, `30 % OFF`). */
const PERCENT_OFF = /(?<![\p{N}.,])\d{1,3}\s?%\s?off(?![\p{L}\p{N}])/iu;
/** A counted item (`3 videos`, `10-minute`, `5 new pics`, `three clips`). */
const COUNTED_ITEMS = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:\\d+|${NUMBER_WORDS})[\\s-]?(?:\\p{L}+\\s)?(?:videos?|vids?|pics?|pictures?|photos?|clips?|minutes?|mins?|selfies?|sets?)(?![\\p{L}\\p{N}])`,
  'iu',
);
/** A multiplier (`x3`, `3x`, `x 3`). */
const MULTIPLIER = /(?<![\p{L}\p{N}])(?:x\s?\d+|\d+\s?x)(?![\p{L}\p{N}])/iu;
/** Two words joined by `+` (`solo + b/g`, `vids + 5 pics`). */
const PLUS_JOIN = /\p{L}\s?\+\s?[\p{L}\p{N}]/u;
/**
 * A list line (tested on each trimmed line; a list is 2 such lines or more): a dash, bullet or
 * arrow and a space, a check mark or arrow sign, or `1.` / `1)` and a space.
 */
const LIST_LINE = /^(?:[-•*▪◦‣→]\s|[\u2713\u2714\u2705\u27A4\u27A1]|\d{1,2}[.)]\s)/u;
/** A number of hours (`24 hours`, `48h`, `2 hrs`). */
const HOURS = /(?<![\p{L}\p{N}])\d{1,3}\s?(?:hours?|hrs?|h)(?![\p{L}\p{N}])/iu;
/** The first few buyers (`first 10`, `first five`). */
const FIRST_N = new RegExp(
  `(?<![\\p{L}\\p{N}])first\\s(?:\\d{1,4}|${NUMBER_WORDS})(?![\\p{L}\\p{N}])`,
  'iu',
);
/** Kiss, heart and wink emojis that sign a wrap off: 😘 💋 😽 😚 ❤ 💕 💖 💗 😉 🥰 🫶. */
const SIGN_OFF_EMOJI =
  /[\u{1F618}\u{1F48B}\u{1F63D}\u{1F61A}\u{2764}\u{1F495}\u{1F496}\u{1F497}\u{1F609}\u{1F970}\u{1FAF6}]/u;

const CLICKBAIT = phrasePattern(CLICKBAIT_PHRASES);
const EXCLUSIVITY = phrasePattern(EXCLUSIVITY_PHRASES);
const VALUE = phrasePattern(VALUE_PHRASES);
const CTA = phrasePattern(CTA_PHRASES);
const ITEMIZATION = phrasePattern(ITEMIZATION_PHRASES);
const URGENCY = phrasePattern(URGENCY_PHRASES);
const SETTING = phrasePattern(SETTING_PHRASES);
const SIGN_OFF = phrasePattern(SIGN_OFF_PHRASES);

// ---------------------------------------------------------------------------------- matchers

// Issue 11 (the cold build): the patterns above with a Unicode-property class are the
// specification; what runs is the equal matcher below (`wordMatch.ts`), which needs no regular
// expression to be compiled on the first build. Each is proven equal to its pattern by a test.

/** A number word of `NUMBER_WORDS`, in its order. */
const numberWord: Matcher = alt(...NUMBER_WORDS.split('|').map(lit));
/** `word` then an optional `s` (`words?`). */
const plural = (word: string): Matcher => seq(lit(word), opt(lit('s')));
/** A whole word under `iu`: no letter or number right before or after. */
const whole = (...parts: ReadonlyArray<Matcher>): Matcher =>
  seq(notAfterClass(LN_IU), ...parts, notBeforeClass(LN_IU));

/** `CLICKBAIT` and the other phrase lists. */
const M_CLICKBAIT = phrases(CLICKBAIT_PHRASES);
const M_EXCLUSIVITY = phrases(EXCLUSIVITY_PHRASES);
const M_VALUE = phrases(VALUE_PHRASES);
const M_CTA = phrases(CTA_PHRASES);
const M_ITEMIZATION = phrases(ITEMIZATION_PHRASES);
const M_URGENCY = phrases(URGENCY_PHRASES);
const M_SETTING = phrases(SETTING_PHRASES);
const M_SIGN_OFF = phrases(SIGN_OFF_PHRASES);
/** `ALL_CAPS_WORD`. */
const M_ALL_CAPS_WORD: Matcher = seq(
  notAfterClass(LN_U),
  run(LU, 3, Number.POSITIVE_INFINITY),
  notBeforeClass(LN_U),
);
/** `AMOUNT_CURRENCY`. */
const M_AMOUNT_CURRENCY: Matcher = seq(
  notAfterClass(N_DOT_COMMA),
  run(DIGIT, 1, Number.POSITIVE_INFINITY),
  opt(seq(oneOf('.,'), run(DIGIT, 1, 2))),
  run(WS, 0, 1),
  alt(oneOf('$€£'), lit('usd'), plural('dollar'), lit('bucks')),
  notBeforeClass(LN_IU),
);
/** `PERCENT_OFF`. */
const M_PERCENT_OFF: Matcher = seq(
  notAfterClass(N_DOT_COMMA),
  run(DIGIT, 1, 3),
  run(WS, 0, 1),
  oneOf('%'),
  run(WS, 0, 1),
  lit('off'),
  notBeforeClass(LN_IU),
);
/** `COUNTED_ITEMS`. */
const M_COUNTED_ITEMS: Matcher = whole(
  alt(run(DIGIT, 1, Number.POSITIVE_INFINITY), numberWord),
  optOneOf('-', WS),
  opt(seq(run(L_IU, 1, Number.POSITIVE_INFINITY), run(WS, 1, 1))),
  alt(
    plural('video'),
    plural('vid'),
    plural('pic'),
    plural('picture'),
    plural('photo'),
    plural('clip'),
    plural('minute'),
    plural('min'),
    plural('selfie'),
    plural('set'),
  ),
);
/** `MULTIPLIER`. */
const M_MULTIPLIER: Matcher = whole(
  alt(
    seq(lit('x'), run(WS, 0, 1), run(DIGIT, 1, Number.POSITIVE_INFINITY)),
    seq(run(DIGIT, 1, Number.POSITIVE_INFINITY), run(WS, 0, 1), lit('x')),
  ),
);
/** `PLUS_JOIN`. */
const M_PLUS_JOIN: Matcher = seq(
  run(L_U, 1, 1),
  run(WS, 0, 1),
  oneOf('+'),
  run(WS, 0, 1),
  run(LN_U, 1, 1),
);
/** `HOURS`. */
const M_HOURS: Matcher = whole(
  run(DIGIT, 1, 3),
  run(WS, 0, 1),
  alt(plural('hour'), plural('hr'), lit('h')),
);
/** `FIRST_N`. */
const M_FIRST_N: Matcher = whole(lit('first'), run(WS, 1, 1), alt(run(DIGIT, 1, 4), numberWord));

/**
 * The matchers of the patterns, for the property tests that prove each equal to its pattern
 * (`pattern.exec(text)?.[0] ?? null`). Internal.
 */
export const PATTERN_MATCHERS: ReadonlyArray<readonly [RegExp, Matcher]> = [
  [CLICKBAIT, M_CLICKBAIT],
  [EXCLUSIVITY, M_EXCLUSIVITY],
  [VALUE, M_VALUE],
  [CTA, M_CTA],
  [ITEMIZATION, M_ITEMIZATION],
  [URGENCY, M_URGENCY],
  [SETTING, M_SETTING],
  [SIGN_OFF, M_SIGN_OFF],
  [ALL_CAPS_WORD, M_ALL_CAPS_WORD],
  [AMOUNT_CURRENCY, M_AMOUNT_CURRENCY],
  [PERCENT_OFF, M_PERCENT_OFF],
  [COUNTED_ITEMS, M_COUNTED_ITEMS],
  [MULTIPLIER, M_MULTIPLIER],
  [PLUS_JOIN, M_PLUS_JOIN],
  [HOURS, M_HOURS],
  [FIRST_N, M_FIRST_N],
];

const detector = (
  element: PpvStructureElement,
  scope: PpvDetectorScope,
  description: string,
  phrases: ReadonlyArray<string>,
  patterns: ReadonlyArray<RegExp>,
): PpvElementDetector => ({ element, scope, description, phrases, patterns });

/**
 * The element detectors, one per element: the part of the caption read, the rule, the phrase
 * list and every regular expression used. Every pattern is linear-time (no repeatable group
 * holding a quantifier, no backreference) and has no `g` or `y` flag, so a pattern carries no
 * state between calls. Deep-frozen.
 *
 * | element | reads | found when |
 * |---|---|---|
 * | `clickbait` | opening | a hook phrase, an all-caps word (3+ letters) or a `?` / `!` |
 * | `exclusivity` | text | an exclusivity phrase |
 * | `valueAnchor` | text | a value phrase, a currency amount (`$25`, `25 usd`) or `N% off` |
 * | `callToAction` | text | a call-to-action phrase |
 * | `itemization` | text | an itemization word, a counted item (`3 videos`), `x3`, `a + b`, or 2+ list lines |
 * | `urgency` | text | an urgency phrase, `N hours` or `first N` |
 * | `clickbaitTitle` | title | at most `titleMaxCharacters` (60) and a hook as for `clickbait` |
 * | `bodyWithSetting` | body | at least `bodyMinWords` (8) words and a setting word |
 * | `shortWrap` | wrap | at most `wrapMaxCharacters` (80) and a sign-off, a call to action or a kiss/heart emoji |
 *
 * Source: seed 004 "PPV Caption Structure Requirements" names the elements; the lists are the
 * project's (the seed gives none).
 *
 * @since 0.3.0
 * @category content
 */
export const PPV_ELEMENT_DETECTORS: Readonly<Record<PpvStructureElement, PpvElementDetector>> =
  deepFreeze({
    clickbait: detector(
      'clickbait',
      'opening',
      'The opening sentence is a hook: it holds a hook phrase, an all-caps word of 3 letters or more, or a question or exclamation mark.',
      CLICKBAIT_PHRASES,
      [CLICKBAIT, ALL_CAPS_WORD, HOOK_PUNCTUATION],
    ),
    exclusivity: detector(
      'exclusivity',
      'text',
      'The caption holds an exclusivity phrase.',
      EXCLUSIVITY_PHRASES,
      [EXCLUSIVITY],
    ),
    valueAnchor: detector(
      'valueAnchor',
      'text',
      'The caption names a price or value: a value phrase, a currency amount ($25, 25 usd) or a percentage off (50% off).',
      VALUE_PHRASES,
      [VALUE, CURRENCY_AMOUNT, AMOUNT_CURRENCY, PERCENT_OFF],
    ),
    callToAction: detector(
      'callToAction',
      'text',
      'The caption holds a call-to-action phrase.',
      CTA_PHRASES,
      [CTA],
    ),
    itemization: detector(
      'itemization',
      'text',
      'The caption lists its content: an itemization word, a counted item (3 videos, 10-minute, three clips), a multiplier (x3), two words joined by +, or at least 2 list lines (dash, bullet, check mark, arrow or 1. / 1) at the start).',
      ITEMIZATION_PHRASES,
      [ITEMIZATION, COUNTED_ITEMS, MULTIPLIER, PLUS_JOIN, LIST_LINE],
    ),
    urgency: detector(
      'urgency',
      'text',
      'The caption presses for time: an urgency phrase, a number of hours (24 hours, 48h) or the first few buyers (first 10).',
      URGENCY_PHRASES,
      [URGENCY, HOURS, FIRST_N],
    ),
    clickbaitTitle: detector(
      'clickbaitTitle',
      'title',
      'The title (first line, or first sentence of a one-line caption) has at most titleMaxCharacters code points and is a hook as for clickbait.',
      CLICKBAIT_PHRASES,
      [CLICKBAIT, ALL_CAPS_WORD, HOOK_PUNCTUATION],
    ),
    bodyWithSetting: detector(
      'bodyWithSetting',
      'body',
      'The body (text after the title) has at least bodyMinWords words and names a setting: a place, situation or outfit.',
      SETTING_PHRASES,
      [SETTING],
    ),
    shortWrap: detector(
      'shortWrap',
      'wrap',
      'The wrap (last sentence after the title) has at most wrapMaxCharacters code points and signs off: a sign-off phrase, a call-to-action phrase or a kiss, heart or wink emoji.',
      SIGN_OFF_PHRASES,
      [SIGN_OFF, CTA, SIGN_OFF_EMOJI],
    ),
  });

// ---------------------------------------------------------------------------------- text parts

/**
 * The parts of a caption the detectors read (see the module documentation for the splitting
 * rules): its trimmed non-empty `lines`, its `sentences`, the `opening` sentence, the `title`,
 * the `body` after the title and the `wrap`. `opening` and `title` are `''` and `wrap` `null`
 * for a caption without text.
 *
 * @since 0.3.0
 * @category content
 */
export interface PpvCaptionParts {
  /** The text split at line breaks, each line trimmed, empty lines dropped. */
  readonly lines: ReadonlyArray<string>;
  /** The sentences of every line, in order (a line break always ends a sentence). */
  readonly sentences: ReadonlyArray<string>;
  /** The first sentence; `''` for a caption without text. */
  readonly opening: string;
  /** The first line when the caption has two lines or more, else the first sentence; `''` without text. */
  readonly title: string;
  /** The text after the title (following lines, or following sentences of a one-line caption); `''` when nothing follows. */
  readonly body: string;
  /** The last sentence after the title; `null` when nothing follows the title. */
  readonly wrap: string | null;
}

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/;
const WHITE_SPACE = /\s/;
const WORD_SPLIT = /\s+/;
const TERMINATORS: ReadonlySet<string> = new Set(['.', '!', '?', '…', '‼', '⁉']);

const splitSentences = (line: string): string[] => {
  const out: string[] = [];
  const push = (s: string) => {
    const trimmed = s.trim();
    if (trimmed.length > 0) out.push(trimmed);
  };
  let start = 0;
  let i = 0;
  while (i < line.length) {
    if (TERMINATORS.has(line[i] as string)) {
      let j = i;
      while (j < line.length && TERMINATORS.has(line[j] as string)) j++;
      if (j === line.length || WHITE_SPACE.test(line[j] as string)) {
        push(line.slice(start, j));
        start = j;
      }
      i = j;
    } else i++;
  }
  push(line.slice(start));
  return out;
};

/**
 * Splits a caption into the parts the detectors read. Anything that is not a string reads as
 * the empty caption. Linear in the text's length.
 *
 * @example
 * ppvCaptionParts('NEW video!\nIn the shower this morning. Enjoy 😘')
 * // { lines: ['NEW video!', 'In the shower this morning. Enjoy 😘'],
 * //   sentences: ['NEW video!', 'In the shower this morning.', 'Enjoy 😘'],
 * //   opening: 'NEW video!', title: 'NEW video!',
 * //   body: 'In the shower this morning. Enjoy 😘', wrap: 'Enjoy 😘' }
 *
 * Source: seed 004 "PPV Caption Structure Requirements" (title, body, wrap of a wall campaign).
 *
 * @since 0.3.0
 * @category content
 */
export const ppvCaptionParts = (text: string): PpvCaptionParts => {
  const t = typeof text === 'string' ? text : '';
  const lines = t
    .split(LINE_BREAK)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const byLine = lines.map(splitSentences);
  const sentences = byLine.flat();
  const multiLine = lines.length >= 2;
  const title = (multiLine ? lines[0] : sentences[0]) ?? '';
  const after = multiLine ? byLine.slice(1).flat() : sentences.slice(1);
  return {
    lines,
    sentences,
    opening: sentences[0] ?? '',
    title,
    body: multiLine ? lines.slice(1).join('\n') : after.join(' '),
    wrap: after.length > 0 ? (after[after.length - 1] as string) : null,
  };
};

// ---------------------------------------------------------------------------------- detection

/**
 * The elements found in a caption: for each element the text that matched (a phrase, an amount,
 * the title or the wrap), or `null` when the element is absent.
 *
 * @since 0.3.0
 * @category content
 */
export type PpvElementMatches = Readonly<Record<PpvStructureElement, string | null>>;

const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** At most 80 code points of `s`, with `…` when cut (a readable snippet of a long sentence). */
const snippet = (s: string): string => {
  const cps = Array.from(s.slice(0, 400));
  return cps.length > 80 ? `${cps.slice(0, 79).join('')}…` : cps.join('');
};

/** A detector of a text part: a plain pattern, or a matcher that stands for a Unicode one. */
type Detect = RegExp | Matcher;

/** A text part, scanned for the matchers when one first needs it. */
interface Part {
  readonly text: string;
  readonly scan: () => ScannedText;
}

/** The part of `text` (its scan is made once, on demand). */
const partOf = (text: string): Part => {
  let scan: ScannedText | null = null;
  return {
    text,
    scan: () => {
      scan ??= scanText(text);
      return scan;
    },
  };
};

const firstMatch = (s: Part, detects: ReadonlyArray<Detect>): string | null => {
  for (const d of detects) {
    if (d instanceof RegExp) {
      const m = d.exec(s.text);
      if (m !== null) return m[0];
    } else {
      const m = findIn(s.scan(), d);
      if (m !== null) return m;
    }
  }
  return null;
};

const hook = (s: Part): string | null => {
  const m = firstMatch(s, [M_CLICKBAIT, M_ALL_CAPS_WORD]);
  if (m !== null) return m;
  return HOOK_PUNCTUATION.test(s.text) ? snippet(s.text) : null;
};

const wordCount = (s: string): number =>
  s.split(WORD_SPLIT).filter((w) => hasClass(w, LN_U)).length;

const isPolicy = (u: unknown): u is PpvStructurePolicy => typeof u === 'object' && u !== null;

/**
 * Runs every element detector on a caption (see `PPV_ELEMENT_DETECTORS` for each rule and
 * `ppvCaptionParts` for the splitting). Anything that is not a string reads as the empty
 * caption, which has no element. Never throws; linear in the text's length.
 *
 * - Input: the caption text; the policy slice `ppvStructure` for the part sizes (title at most
 *   60 code points, body at least 8 words, wrap at most 80 code points).
 * - Output: each element mapped to the text that matched (at most 80 code points of an opening
 *   or title matched by its punctuation), or `null`.
 *
 * @example
 * detectPpvElements('OMG you won\'t believe this 😱 only for you, unlock now for $15').valueAnchor
 * // '$15'
 *
 * Source: seed 004 "PPV Caption Structure Requirements".
 *
 * @since 0.3.0
 * @category content
 */
export const detectPpvElements = (
  text: string,
  policy: PpvStructurePolicy = DEFAULT_POLICY.ppvStructure,
): PpvElementMatches => {
  const d = elementDetectors(text, policy);
  return Object.fromEntries(PPV_STRUCTURE_ELEMENTS.map((e) => [e, d[e]()])) as Record<
    PpvStructureElement,
    string | null
  >;
};

/**
 * One thunk per element over `text`, so a check of one structure runs only its own detectors
 * (the caption parts are read once, when an element first needs them).
 */
const elementDetectors = (
  text: string,
  policy: PpvStructurePolicy,
): Readonly<Record<PpvStructureElement, () => string | null>> => {
  const p = isPolicy(policy) ? policy : DEFAULT_POLICY.ppvStructure;
  const t = typeof text === 'string' ? text : '';
  const whole = partOf(t);
  let read: PpvCaptionParts | null = null;
  const parts = (): PpvCaptionParts => {
    read ??= ppvCaptionParts(t);
    return read;
  };
  return {
    clickbait: () => hook(partOf(parts().opening)),
    exclusivity: () => firstMatch(whole, [M_EXCLUSIVITY]),
    valueAnchor: () =>
      firstMatch(whole, [M_VALUE, CURRENCY_AMOUNT, M_AMOUNT_CURRENCY, M_PERCENT_OFF]),
    callToAction: () => firstMatch(whole, [M_CTA]),
    itemization: () => {
      const listLines = parts().lines.filter((l) => LIST_LINE.test(l));
      return (
        firstMatch(whole, [M_ITEMIZATION, M_COUNTED_ITEMS, M_MULTIPLIER, M_PLUS_JOIN]) ??
        (listLines.length >= 2 ? snippet(listLines.join(' / ')) : null)
      );
    },
    urgency: () => firstMatch(whole, [M_URGENCY, M_HOURS, M_FIRST_N]),
    clickbaitTitle: () => {
      const { title } = parts();
      return title.length > 0 && codePoints(title) <= p.titleMaxCharacters
        ? hook(partOf(title)) === null
          ? null
          : title
        : null;
    },
    bodyWithSetting: () => {
      const { body } = parts();
      const setting = firstMatch(partOf(body), [M_SETTING]);
      return setting !== null && wordCount(body) >= p.bodyMinWords ? setting : null;
    },
    shortWrap: () => {
      const { wrap } = parts();
      return wrap !== null &&
        codePoints(wrap) <= p.wrapMaxCharacters &&
        firstMatch(partOf(wrap), [M_SIGN_OFF, M_CTA, SIGN_OFF_EMOJI]) !== null
        ? wrap
        : null;
    },
  };
};

// ---------------------------------------------------------------------------------- validation

/**
 * How a caption fits one structure.
 *
 * - `found` / `missing`: the structure's elements present / absent, in the structure's order
 *   (together exactly the structure's elements).
 * - `required`: elements needed to pass (`policy.ppvStructure`); `total`: the structure's
 *   element count (4, 3, 3).
 * - `score`: `found.length / total`, 0..1 (0 when `total` is 0).
 * - `passes`: `found.length >= required` (and `total > 0`).
 * - `matches`: for each found element, the text that matched.
 *
 * @since 0.3.0
 * @category content
 */
export interface PpvStructureResult {
  /** The structure the caption was checked against. */
  readonly structure: PpvStructureType;
  /** The structure's elements the caption has, in the structure's order. */
  readonly found: ReadonlyArray<PpvStructureElement>;
  /** The structure's elements the caption lacks, in the structure's order. */
  readonly missing: ReadonlyArray<PpvStructureElement>;
  /** Elements needed to pass (`policy.ppvStructure`; defaults winner 3, bundle 2, wall campaign 2). */
  readonly required: number;
  /** The structure's element count (4, 3, 3; 0 for an unknown structure). */
  readonly total: number;
  /** `found.length / total`, 0-1 (0 when `total` is 0). */
  readonly score: number;
  /** `found.length >= required` and `total > 0`. */
  readonly passes: boolean;
  /** For each found element, the text that matched. */
  readonly matches: Readonly<Partial<Record<PpvStructureElement, string>>>;
}

/**
 * The minimum element count of a structure from the policy slice (`winnerMinElements`,
 * `bundleMinElements`, `wallCampaignMinElements`).
 */
const requiredOf = (structure: PpvStructureType, p: PpvStructurePolicy): number =>
  structure === 'winner'
    ? p.winnerMinElements
    : structure === 'bundle'
      ? p.bundleMinElements
      : p.wallCampaignMinElements;

/**
 * Checks a caption against one structure: which of its elements the caption has and whether
 * that is enough. Anything that is not a string reads as the empty caption (found `[]`, fails).
 * A structure that is not one of the three (from an untyped caller) has no elements and fails.
 * Never throws.
 *
 * - Input: the caption text, the structure, the policy slice `ppvStructure` (defaults: winner 3
 *   of 4, bundle 2 of 3, wall campaign 2 of 3).
 * - Output: `PpvStructureResult`.
 *
 * @example
 * validatePpvStructure('OMG 😱 only for you: unlock it, normally $40', 'winner')
 * // { structure: 'winner', found: ['clickbait', 'exclusivity', 'valueAnchor', 'callToAction'],
 * //   missing: [], required: 3, total: 4, score: 1, passes: true, matches: { ... } }
 *
 * Source: seed 004 "PPV Caption Structure Requirements".
 *
 * @since 0.3.0
 * @category content
 */
export const validatePpvStructure = (
  text: string,
  structure: PpvStructureType,
  policy: PpvStructurePolicy = DEFAULT_POLICY.ppvStructure,
): PpvStructureResult => {
  const p = isPolicy(policy) ? policy : DEFAULT_POLICY.ppvStructure;
  const known = typeof structure === 'string' && Object.hasOwn(PPV_STRUCTURES, structure);
  const elements = known ? PPV_STRUCTURES[structure] : [];
  const detectors = elementDetectors(text, p);
  const detected = new Map(elements.map((e) => [e, detectors[e]()] as const));
  const found = elements.filter((e) => detected.get(e) != null);
  const missing = elements.filter((e) => detected.get(e) == null);
  const matches: Partial<Record<PpvStructureElement, string>> = {};
  for (const e of found) matches[e] = detected.get(e) as string;
  const required = known ? requiredOf(structure, p) : 0;
  const total = elements.length;
  return {
    structure,
    found,
    missing,
    required,
    total,
    score: total === 0 ? 0 : found.length / total,
    passes: total > 0 && found.length >= required,
    matches,
  };
};

// ---------------------------------------------------------------------------------- which structure

/**
 * How each send type chooses its structure: `byStyle` reads the item's PPV style first (the
 * types that carry the rotation's style), `otherwise` is the structure without a styled one.
 * A send type absent here has no structure. Source: RULINGS "Rotation and state" (styles,
 * bundle send types); seed 004 "PPV Caption Structure Requirements".
 */
const STRUCTURE_BY_SEND_TYPE: Readonly<
  Partial<
    Record<SendTypeKey, { readonly byStyle: boolean; readonly otherwise: PpvStructureType | null }>
  >
> = deepFreeze({
  ppv_unlock: { byStyle: true, otherwise: null }, // RULINGS styles: carries the style; solo / sextape have no 004 structure
  ppv_wall: { byStyle: true, otherwise: 'wall_campaign' }, // 004 Wall Campaign: a wall revenue post
  bundle: { byStyle: false, otherwise: 'bundle' }, // RULINGS: counts as style bundle
  flash_bundle: { byStyle: false, otherwise: 'bundle' }, // RULINGS: counts as style bundle
  snapchat_bundle: { byStyle: false, otherwise: 'bundle' }, // RULINGS: counts as style bundle
});

/** The structure a PPV style asks for; solo and sextape have none in seed 004. */
const STRUCTURE_OF_STYLE: Readonly<Record<PpvStyle, PpvStructureType | null>> = Object.freeze({
  solo: null,
  bundle: 'bundle',
  winner: 'winner',
  sextape: null,
});

/**
 * The structure a PPV item's caption should fit, or `null` when seed 004 gives it none.
 *
 * - `bundle`, `flash_bundle`, `snapchat_bundle` → `bundle` (RULINGS: the bundle send types
 *   count as style `bundle`; they carry no rotation style, so a style on them is ignored).
 * - `ppv_unlock` and `ppv_wall` carry the rotation's style (RULINGS "styles"): `winner` →
 *   `winner`, `bundle` → `bundle`.
 * - a `ppv_wall` item of another style (`solo`, `sextape`, none) → `wall_campaign` (a wall
 *   revenue post, RULINGS "Allocation" campaigns).
 * - otherwise `null`: a `solo` or `sextape` mass-message PPV, or any other send type (follow-ups,
 *   tips, bumps, ...). Unknown keys or styles read as absent; never throws.
 *
 * @example
 * ppvStructureFor('winner', 'ppv_unlock') // 'winner'
 * ppvStructureFor(null, 'flash_bundle')   // 'bundle'
 * ppvStructureFor('solo', 'ppv_wall')     // 'wall_campaign'
 * ppvStructureFor('solo', 'ppv_unlock')   // null
 *
 * Source: seed 004 "PPV Caption Structure Requirements"; RULINGS "Rotation and state" (styles,
 * bundle send types), "Allocation" (campaigns).
 *
 * @since 0.3.0
 * @category content
 */
export const ppvStructureFor = (
  ppvStyle: PpvStyle | null,
  sendTypeKey: SendTypeKey,
): PpvStructureType | null => {
  if (typeof sendTypeKey !== 'string' || !Object.hasOwn(STRUCTURE_BY_SEND_TYPE, sendTypeKey))
    return null;
  const rule = STRUCTURE_BY_SEND_TYPE[sendTypeKey];
  if (rule === undefined) return null;
  const styled =
    rule.byStyle && typeof ppvStyle === 'string' && Object.hasOwn(STRUCTURE_OF_STYLE, ppvStyle)
      ? STRUCTURE_OF_STYLE[ppvStyle]
      : null;
  return styled ?? rule.otherwise;
};
