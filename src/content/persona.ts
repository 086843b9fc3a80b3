/**
 * Persona fit of a caption: how well its emoji use, slang and phrases match the creator's
 * persona. Source: seed 001 §3.0 (persona weight 5 %) and §7.2 check 6.
 *
 * @module
 */
import type { Persona } from '../domain/types';

const EMOJI_RE = /\p{Extended_Pictographic}/gu;
const SLANG_RE = /\b(u|ur|lol|omg|gonna|wanna|babe|bby|rn|tho|ya|luv|hun)\b/gi;

/** Emojis per word expected for each persona emoji frequency. */
const EMOJI_BANDS: Readonly<Record<Persona['emojiFrequency'], readonly [number, number]>> = {
  none: [0, 0.02],
  low: [0.02, 0.12],
  medium: [0.1, 0.35],
  high: [0.3, 10],
};

/** Slang markers per word expected for each persona slang level. */
const SLANG_BANDS: Readonly<Record<Persona['slangLevel'], readonly [number, number]>> = {
  none: [0, 0.02],
  light: [0.01, 0.12],
  heavy: [0.08, 10],
};

const bandFit = (value: number, [lo, hi]: readonly [number, number]): number => {
  if (value >= lo && value <= hi) return 1;
  const dist = value < lo ? lo - value : value - hi;
  return Math.max(0, 1 - dist / Math.max(0.1, hi - lo));
};

/**
 * Persona score of a caption text, 0-100.
 *
 * 50 points for emoji density inside the persona's band (emojis per word), 25 for slang density
 * inside its band, 25 when the text uses one of the persona's favourite emojis or signature
 * phrases (12.5 when the persona lists none). With no persona the score is a neutral 50.
 *
 * Source: seed 001 §3.0 persona component, §7.2 check 6.
 *
 * @since 0.1.0
 * @category content
 */
export const personaScore = (text: string, persona: Persona | null): number => {
  if (persona === null) return 50;
  const words = Math.max(1, text.split(/\s+/).filter((w) => w.length > 0).length);
  const emojis = (text.match(EMOJI_RE) ?? []).length;
  const slang = (text.match(SLANG_RE) ?? []).length;
  const emojiFit = bandFit(emojis / words, EMOJI_BANDS[persona.emojiFrequency]);
  const slangFit = bandFit(slang / words, SLANG_BANDS[persona.slangLevel]);
  const lower = text.toLowerCase();
  const markers = [
    ...persona.favoriteEmojis,
    ...persona.signaturePhrases.map((p) => p.toLowerCase()),
  ];
  const signature = markers.length === 0 ? 0.5 : markers.some((m) => lower.includes(m)) ? 1 : 0;
  return Math.round((emojiFit * 50 + slangFit * 25 + signature * 25) * 100) / 100;
};

/**
 * Whether a caption matches the persona well enough (score >= 40). Source: seed 001 §7.2 check 6.
 *
 * @since 0.1.0
 * @category content
 */
export const matchesPersona = (text: string, persona: Persona | null, minScore = 40): boolean =>
  personaScore(text, persona) >= minScore;
