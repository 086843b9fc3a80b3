/**
 * Persona fit of a caption: how well its emoji use, slang and phrases match the creator's
 * persona. Source: seed 001 §3.0 (persona weight 5 %) and §7.2 check 6.
 *
 * @module
 */
import { DEFAULT_POLICY, type SchedulePolicy } from '../domain/policy';
import type { Persona } from '../domain/types';

const EMOJI_RE = /\p{Extended_Pictographic}/gu;
const SLANG_RE = /\b(u|ur|lol|omg|gonna|wanna|babe|bby|rn|tho|ya|luv|hun)\b/gi;

/** The counts `personaScore` reads from a caption text; they depend on the text alone. */
interface TextFeatures {
  readonly words: number;
  readonly emojis: number;
  readonly slang: number;
  readonly lower: string;
}

// Issue 11 (work once, not per slot): the same captions are scored for many slots and weeks, so
// each distinct text is measured once and remembered. Memoising a pure function of the text:
// bounded, never observable in a result.
const MAX_CACHED_TEXTS = 100_000;
const featureCache = new Map<string, TextFeatures>();

const textFeatures = (text: string): TextFeatures => {
  const known = featureCache.get(text);
  if (known !== undefined) return known;
  const features: TextFeatures = {
    words: Math.max(1, text.split(/\s+/).filter((w) => w.length > 0).length),
    emojis: (text.match(EMOJI_RE) ?? []).length,
    slang: (text.match(SLANG_RE) ?? []).length,
    lower: text.toLowerCase(),
  };
  if (featureCache.size >= MAX_CACHED_TEXTS) featureCache.clear();
  featureCache.set(text, features);
  return features;
};

// The persona's favourite emojis and lower-cased signature phrases, once per persona object (a
// build scores many captions against one persona). The persona is read-only data.
const personaMarkers = new WeakMap<Persona, ReadonlyArray<string>>();
const markersOf = (persona: Persona): ReadonlyArray<string> => {
  const known = personaMarkers.get(persona);
  if (known !== undefined) return known;
  const markers = [
    ...persona.favoriteEmojis,
    ...persona.signaturePhrases.map((p) => p.toLowerCase()),
  ];
  personaMarkers.set(persona, markers);
  return markers;
};

// Whether a text uses one of a persona's markers, remembered per markers list and text (issue
// 11: validation and ranking ask it of the same captions every week). Bounded like the features;
// a pure function of the two, never observable in a result.
// At most MAX_CACHED_TEXTS answers are held over all the lists: past that, all are dropped.
let markerUse = new WeakMap<ReadonlyArray<string>, Map<string, boolean>>();
let markerUses = 0;
const usesMarker = (markers: ReadonlyArray<string>, text: string, lower: string): boolean => {
  let known = markerUse.get(markers);
  const seen = known?.get(text);
  if (seen !== undefined) return seen;
  let found = false;
  for (let k = 0; k < markers.length && !found; k++) found = lower.includes(markers[k] as string);
  if (markerUses >= MAX_CACHED_TEXTS) {
    markerUse = new WeakMap();
    markerUses = 0;
    known = undefined;
  }
  if (known === undefined) {
    known = new Map();
    markerUse.set(markers, known);
  }
  known.set(text, found);
  markerUses++;
  return found;
};

const bandFit = (value: number, band: readonly [number, number]): number => {
  // Issue 11: read by index, not by destructuring (no iterator per score).
  const lo = band[0];
  const hi = band[1];
  if (value >= lo && value <= hi) return 1;
  const dist = value < lo ? lo - value : value - hi;
  return Math.max(0, 1 - dist / Math.max(0.1, hi - lo));
};

/**
 * Persona score of a caption text, 0-100.
 *
 * With `policy.content.persona`: 50 points for emoji density inside the persona's band (emojis
 * per word), 25 for slang density inside its band, 25 when the text uses one of the persona's
 * favourite emojis or signature phrases (half when the persona lists none). With no persona the
 * score is a neutral 50.
 *
 * Source: seed 001 §3.0 persona component, §7.2 check 6.
 *
 * @since 0.1.0
 * @category content
 */
export const personaScore = (
  text: string,
  persona: Persona | null,
  policy: Pick<SchedulePolicy, 'content'> = DEFAULT_POLICY,
): number => {
  const p = policy.content.persona;
  if (persona === null) return p.neutralScore;
  const { words, emojis, slang, lower } = textFeatures(text);
  const emojiFit = bandFit(emojis / words, p.emojiBands[persona.emojiFrequency]);
  const slangFit = bandFit(slang / words, p.slangBands[persona.slangLevel]);
  const markers = markersOf(persona);
  const signature = markers.length === 0 ? 0.5 : usesMarker(markers, text, lower) ? 1 : 0;
  const pts = p.points;
  return (
    Math.round((emojiFit * pts.emoji + slangFit * pts.slang + signature * pts.signature) * 100) /
    100
  );
};

/**
 * Whether a caption matches the persona well enough (score >=
 * `policy.content.persona.matchMinScore`, 40). Source: seed 001 §7.2 check 6.
 *
 * @since 0.1.0
 * @category content
 */
export const matchesPersona = (
  text: string,
  persona: Persona | null,
  policy: Pick<SchedulePolicy, 'content'> = DEFAULT_POLICY,
): boolean => personaScore(text, persona, policy) >= policy.content.persona.matchMinScore;
