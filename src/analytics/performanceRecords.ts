/**
 * Performance records for the trait analysis, read from the mass-message history, and the small
 * keyword classifier that gives each caption a tone. Source: seed 000 task 3.3
 * (`performance_data`, `detected_tone`).
 *
 * @module
 */
import { SEND_TYPES } from '../domain/catalog';
import type { MassMessage } from '../domain/types';
import type { PerformanceRecord } from './traits';

/**
 * Tone of a caption as `detectTone` reads it; `neutral` when no marker is found.
 *
 * @since 0.1.0
 * @category analytics
 */
export type Tone = 'playful' | 'sweet' | 'dominant' | 'urgent' | 'descriptive' | 'neutral';

/**
 * Markers of each tone: words and short phrases (matched as whole words, lower case) and emojis
 * (matched anywhere). Order of the rows = precedence when two tones score the same.
 *
 * @since 0.1.0
 * @category analytics
 */
export const TONE_MARKERS: ReadonlyArray<{
  /** The tone the row's markers point to (every tone but `neutral`). */
  readonly tone: Exclude<Tone, 'neutral'>;
  /** Lower-case words and short phrases, matched as whole words. */
  readonly words: ReadonlyArray<string>;
  /** Emojis, matched anywhere in the caption. */
  readonly emojis: ReadonlyArray<string>;
}> = Object.freeze([
  {
    tone: 'urgent',
    words: [
      'hurry',
      'right now',
      'today only',
      'tonight only',
      'last chance',
      'expires',
      'expiring',
      'ending soon',
      'limited',
      'deadline',
      "don't miss",
      'before it',
      'few left',
      'asap',
      'hours left',
      'minutes left',
    ],
    emojis: ['⏰', '⏳', '🚨', '⚡'],
  },
  {
    tone: 'dominant',
    words: [
      'obey',
      'beg',
      'kneel',
      'on your knees',
      'good boy',
      'worship',
      'earn it',
      'deserve',
      'my rules',
      'i said',
      'permission',
      'do as',
      'listen to me',
      'you will',
    ],
    emojis: ['😈', '👑', '⛓'],
  },
  {
    tone: 'playful',
    words: [
      'haha',
      'hehe',
      'lol',
      'lmao',
      'tease',
      'teasing',
      'guess',
      'game',
      'silly',
      'oops',
      'wink',
      'naughty',
      'dare',
      'bet you',
      'cheeky',
      'giggle',
    ],
    emojis: ['😜', '😝', '😏', '🙈', '😉'],
  },
  {
    tone: 'sweet',
    words: [
      'babe',
      'baby',
      'love',
      'miss you',
      'sweetheart',
      'sweetie',
      'honey',
      'cuddle',
      'thank you',
      'thanks',
      'appreciate',
      'darling',
      'hugs',
      'xoxo',
    ],
    emojis: ['🥰', '❤', '💕', '💖', '😘', '🤗'],
  },
  {
    tone: 'descriptive',
    words: [
      'slowly',
      'every inch',
      'curves',
      'lace',
      'lingerie',
      'outfit',
      'shower',
      'oiled',
      'skin',
      'watch me',
      'close up',
      'angle',
      'minute video',
      'min video',
      'scene',
      'dripping',
    ],
    emojis: [],
  },
]);

/** The markers of `TONE_MARKERS` padded once for whole-word search. */
const PADDED_MARKERS = TONE_MARKERS.map((row) => ({
  row,
  words: row.words.map((w) => ` ${w} `),
}));

/**
 * The tone of a caption: each tone scores one point per distinct marker of `TONE_MARKERS` the
 * text contains (words and phrases as whole words, case-insensitive, curly apostrophes read as
 * straight; emojis anywhere). The highest score wins; ties go to the earlier row (urgent,
 * dominant, playful, sweet, descriptive); no marker at all gives `neutral`. A heuristic, not a
 * language model: pass another classifier to `performanceRecordsFromHistory` when one exists.
 *
 * Source: seed 000 task 3.3 (`detected_tone`, default `neutral`).
 *
 * @since 0.1.0
 * @category analytics
 */
export const detectTone = (text: string): Tone => {
  const known = toneCache.get(text);
  if (known !== undefined) return known;
  const tone = classifyTone(text);
  if (toneCache.size >= MAX_CACHED_TONES) toneCache.clear();
  toneCache.set(text, tone);
  return tone;
};

// Issue 11 (work once, not per build): a history repeats its captions week after week, so each
// distinct text is classified once and remembered. Memoising a pure function of the text: bounded,
// never observable in a result.
const MAX_CACHED_TONES = 100_000;
const toneCache = new Map<string, Tone>();

const classifyTone = (text: string): Tone => {
  const words = text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .filter((w) => w.length > 0);
  const padded = ` ${words.join(' ')} `;
  let best: Tone = 'neutral';
  let bestScore = 0;
  for (const { row, words: markers } of PADDED_MARKERS) {
    let score = 0;
    for (const w of markers) if (padded.includes(w)) score++;
    for (const e of row.emojis) if (text.includes(e)) score++;
    if (score > bestScore) {
      best = row.tone;
      bestScore = score;
    }
  }
  return best;
};

/**
 * Options of `performanceRecordsFromHistory`.
 *
 * @since 0.1.0
 * @category analytics
 */
export interface PerformanceRecordOptions {
  /** Tone classifier for caption texts; default `detectTone`. */
  readonly detectTone?: (text: string) => string;
}

/**
 * One `PerformanceRecord` per priced revenue send of the history (send type of category
 * `revenue` in `SEND_TYPES` and `price > 0`), in history order:
 *
 * - `id`: `<creatorId>:<sentAt>:<sendTypeKey>:<index in history>` (unique, stable);
 * - `earnings`, `price`: USD, as recorded;
 * - `captionText`, `contentType`: as recorded, `null` when the history lacks them;
 * - `tone`: the classifier's reading of the caption text, `null` without text.
 *
 * Earnings are not checked here: `analyzeTopPerformerTraits` reports bad values by path.
 *
 * Source: seed 000 task 3.3 (`performance_data`).
 *
 * @since 0.1.0
 * @category analytics
 */
export const performanceRecordsFromHistory = (
  history: ReadonlyArray<MassMessage>,
  options: PerformanceRecordOptions = {},
): ReadonlyArray<PerformanceRecord> => {
  const classify = options.detectTone ?? detectTone;
  // Histories repeat the same captions: classify each distinct text once.
  const tones = new Map<string, string>();
  const toneOf = (text: string): string => {
    const known = tones.get(text);
    if (known !== undefined) return known;
    const tone = classify(text);
    tones.set(text, tone);
    return tone;
  };
  const out: PerformanceRecord[] = [];
  for (let i = 0; i < history.length; i++) {
    if (!(i in history)) continue; // a hole is skipped, as flatMap skips it
    const m = history[i] as MassMessage;
    if (SEND_TYPES[m.sendTypeKey]?.category !== 'revenue' || m.price === null || !(m.price > 0))
      continue;
    const captionText = m.captionText ?? null;
    out.push({
      id: `${m.creatorId}:${m.sentAt}:${m.sendTypeKey}:${i}`,
      earnings: m.earnings,
      captionText,
      contentType: m.contentType ?? null,
      tone: captionText === null ? null : toneOf(captionText),
      price: m.price,
    });
  }
  return out;
};
