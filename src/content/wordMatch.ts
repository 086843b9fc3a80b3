/**
 * Word matching without Unicode-property regular expressions (issue 11, the cold build): the
 * caption detectors of `ppvStructure.ts` are written as small backtracking matchers over the code
 * points of a text, each classified once (white space, digit, number, letter, capital letter).
 * A matcher tries its alternatives and quantifiers in the order the regular expression it
 * replaces would, so it finds the same leftmost match and returns the same text; the property
 * tests prove each one equal to its regular expression (`PPV_ELEMENT_DETECTORS.patterns`).
 *
 * The notions are those of the `u` / `iu` flags: a letter is `\p{L}`, a number `\p{N}`, a digit
 * `[0-9]`, white space `\s`; case-insensitive literals also match the two characters whose simple
 * case folding is an ASCII letter (U+017F for `s`, U+212A for `k`), and under `i` the combining
 * ypogegrammeni U+0345 counts as a letter (it folds to a Greek iota).
 *
 * @module
 */

/** White space (`\s`). */
const F_WS = 1;
/** An ASCII digit (`\d`). */
const F_DIGIT = 2;
/** A number (`\p{N}`). */
const F_N = 4;
/** A letter (`\p{L}`). */
const F_L = 8;
/** A capital letter (`\p{Lu}`). */
const F_LU = 16;
/** A letter under the `i` flag only (U+0345). */
const F_FOLD_L = 32;
/** `.` or `,`. */
const F_DOT_COMMA = 64;

/** A letter or number under the `u` flag (`[\p{L}\p{N}]`). */
export const LN_U = F_L | F_N;
/** A letter or number under the `iu` flags (`[\p{L}\p{N}]` with `i`). */
export const LN_IU = F_L | F_N | F_FOLD_L;
/** A letter under the `iu` flags (`\p{L}` with `i`). */
export const L_IU = F_L | F_FOLD_L;
/** A letter under the `u` flag (`\p{L}`). */
export const L_U = F_L;
/** A capital letter (`\p{Lu}`, no `i`). */
export const LU = F_LU;
/** A number, `.` or `,` (`[\p{N}.,]`). */
export const N_DOT_COMMA = F_N | F_DOT_COMMA;
/** White space (`\s`). */
export const WS = F_WS;
/** An ASCII digit (`\d`). */
export const DIGIT = F_DIGIT;

/** The non-ASCII white space characters of `\s`. */
const WIDE_SPACES: ReadonlySet<number> = new Set([
  0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
  0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
]);

/** The flags of the ASCII characters, by code. */
const ASCII_FLAGS: Uint8Array = (() => {
  const out = new Uint8Array(128);
  for (const c of [9, 10, 11, 12, 13, 32]) out[c] = F_WS;
  for (let c = 48; c <= 57; c++) out[c] = F_DIGIT | F_N;
  for (let c = 65; c <= 90; c++) out[c] = F_L | F_LU;
  for (let c = 97; c <= 122; c++) out[c] = F_L;
  out[46] = F_DOT_COMMA;
  out[44] = F_DOT_COMMA;
  return out;
})();

/** Classifies one non-ASCII code point: a capital letter, another letter, a number, or none. */
const UNICODE_CLASS = /(\p{Lu})|(\p{L})|(\p{N})/u;

/** The flags of the non-ASCII code points seen so far (a pure function of the code point). */
const WIDE_FLAGS = new Map<number, number>();
/** At most this many remembered code points. */
const WIDE_FLAGS_MAX = 50_000;

/** The flags of a non-ASCII code point. */
const wideFlags = (cp: number): number => {
  if (WIDE_SPACES.has(cp)) return F_WS;
  if (cp === 0x345) return F_FOLD_L;
  // the emoji blocks U+1F300-U+1FAFF hold no letter and no number (checked over every code point)
  if (cp >= 0x1f300 && cp <= 0x1faff) return 0;
  const known = WIDE_FLAGS.get(cp);
  if (known !== undefined) return known;
  const m = UNICODE_CLASS.exec(String.fromCodePoint(cp));
  const flags = m === null ? 0 : m[1] !== undefined ? F_L | F_LU : m[2] !== undefined ? F_L : F_N;
  if (WIDE_FLAGS.size >= WIDE_FLAGS_MAX) WIDE_FLAGS.clear();
  WIDE_FLAGS.set(cp, flags);
  return flags;
};

/** The code a code point matches a lower-case ASCII literal with under `i` (itself otherwise). */
const foldOf = (cp: number): number =>
  cp >= 65 && cp <= 90 ? cp + 32 : cp === 0x17f ? 115 : cp === 0x212a ? 107 : cp;

/**
 * A text read once: its code points (a lone surrogate is one), their UTF-16 offsets, their
 * case-folded codes and their class flags.
 */
export interface ScannedText {
  /** The text. */
  readonly text: string;
  /** How many code points it has. */
  readonly length: number;
  /** UTF-16 offset of each code point, and the text's length last. */
  readonly at: Int32Array;
  /** Each code point's case-folded code (see `foldOf`). */
  readonly fold: Int32Array;
  /** Each code point's class flags. */
  readonly flags: Uint8Array;
}

/** Reads a text's code points once (linear in its length). */
export const scanText = (text: string): ScannedText => {
  const units = text.length;
  const at = new Int32Array(units + 1);
  const fold = new Int32Array(units);
  const flags = new Uint8Array(units);
  let n = 0;
  let i = 0;
  while (i < units) {
    const cp = text.codePointAt(i) as number;
    at[n] = i;
    fold[n] = foldOf(cp);
    flags[n] = cp < 128 ? (ASCII_FLAGS[cp] as number) : wideFlags(cp);
    n++;
    i += cp > 0xffff ? 2 : 1;
  }
  at[n] = units;
  return { text, length: n, at, fold, flags };
};

/** What follows a matched part: the end of the whole match from code point `j`, or `-1`. */
type Next = (j: number) => number;

/**
 * A matcher: from code point `i`, matches its part and then `next`; the end of the whole match
 * (as `next` returns it), or `-1` when no way of matching the part lets `next` match.
 */
export type Matcher = (s: ScannedText, i: number, next: Next) => number;

/** The parts one after the other. */
export const seq = (...parts: ReadonlyArray<Matcher>): Matcher =>
  parts.reduceRight<Matcher>(
    (rest, part) => (s, i, next) => part(s, i, (j) => rest(s, j, next)),
    (_s, i, next) => next(i),
  );

/** The first alternative, in order, that lets the rest match (`a|b|c`). */
export const alt = (...options: ReadonlyArray<Matcher>): Matcher => {
  return (s, i, next) => {
    for (const o of options) {
      const r = o(s, i, next);
      if (r >= 0) return r;
    }
    return -1;
  };
};

/** A part or nothing, the part tried first (`x?`, greedy). */
export const opt =
  (part: Matcher): Matcher =>
  (s, i, next) => {
    const r = part(s, i, next);
    return r >= 0 ? r : next(i);
  };

/**
 * From `min` to `max` code points of a class (any flag of `mask`), the longest run first
 * (`[...]{min,max}`, greedy; `max` may be `Infinity`). Iterative: no recursion per code point.
 */
export const run =
  (mask: number, min: number, max: number): Matcher =>
  (s, i, next) => {
    let n = 0;
    while (n < max && i + n < s.length && ((s.flags[i + n] as number) & mask) !== 0) n++;
    for (let c = n; c >= min; c--) {
      const r = next(i + c);
      if (r >= 0) return r;
    }
    return -1;
  };

/** One code point among `chars` (compared case-folded: give lower-case letters). */
export const oneOf = (chars: string): Matcher => {
  const codes = new Set(Array.from(chars, (c) => c.codePointAt(0) as number));
  return (s, i, next) => (i < s.length && codes.has(s.fold[i] as number) ? next(i + 1) : -1);
};

/** One code point among `chars` or of a class (any flag of `mask`), or nothing; the code point first. */
export const optOneOf = (chars: string, mask: number): Matcher => {
  const codes = new Set(Array.from(chars, (c) => c.codePointAt(0) as number));
  return (s, i, next) => {
    if (i < s.length && (((s.flags[i] as number) & mask) !== 0 || codes.has(s.fold[i] as number))) {
      const r = next(i + 1);
      if (r >= 0) return r;
    }
    return next(i);
  };
};

/** A literal, case-insensitively (`word` lower-case ASCII, as under the `iu` flags). */
export const lit = (word: string): Matcher => {
  const codes = Array.from(word, (c) => c.codePointAt(0) as number);
  return (s, i, next) => {
    if (i + codes.length > s.length) return -1;
    for (let k = 0; k < codes.length; k++) if (s.fold[i + k] !== codes[k]) return -1;
    return next(i + codes.length);
  };
};

/** No code point of the class (any flag of `mask`) right before (`(?<![...])`). */
export const notAfterClass =
  (mask: number): Matcher =>
  (s, i, next) =>
    i > 0 && ((s.flags[i - 1] as number) & mask) !== 0 ? -1 : next(i);

/** No code point of the class (any flag of `mask`) right after (`(?![...])`). */
export const notBeforeClass =
  (mask: number): Matcher =>
  (s, i, next) =>
    i < s.length && ((s.flags[i] as number) & mask) !== 0 ? -1 : next(i);

/**
 * One phrase as its detector pattern reads it: letters case-insensitively, a space as a run of
 * white space, an apostrophe as `'`, `’` or nothing.
 */
const phraseMatcher = (phrase: string): Matcher =>
  seq(
    ...Array.from(
      phrase,
      (c): Matcher =>
        c === ' ' ? run(F_WS, 1, Infinity) : c === "'" ? optOneOf("'’", 0) : lit(c.toLowerCase()),
    ),
  );

/**
 * The phrases of a list, in the list's order, as whole words under the `iu` flags
 * (`(?<![\p{L}\p{N}])(?:a|b|c)(?![\p{L}\p{N}])`). A phrase is tried only where its first
 * character is, which keeps the list's order among the phrases that can match there.
 */
export const phrases = (list: ReadonlyArray<string>): Matcher => {
  const byFirst = new Map<number, Matcher[]>();
  const anyStart: Matcher[] = [];
  for (const p of list) {
    const first = p.codePointAt(0);
    const m = phraseMatcher(p);
    // a phrase that starts with something other than a letter is tried everywhere, in order
    if (first === undefined || !/^[a-z]$/i.test(p[0] as string)) {
      anyStart.push(m);
      for (const ms of byFirst.values()) ms.push(m);
      continue;
    }
    const key = foldOf(first);
    let ms = byFirst.get(key);
    if (ms === undefined) {
      ms = [...anyStart];
      byFirst.set(key, ms);
    }
    ms.push(m);
  }
  const body: Matcher = (s, i, next) => {
    const ms = i < s.length ? (byFirst.get(s.fold[i] as number) ?? anyStart) : anyStart;
    for (const m of ms) {
      const r = m(s, i, next);
      if (r >= 0) return r;
    }
    return -1;
  };
  return seq(notAfterClass(LN_IU), body, notBeforeClass(LN_IU));
};

/** The text of the leftmost match (as `RegExp.prototype.exec(...)[0]`), or `null`. */
export const findIn = (s: ScannedText, m: Matcher): string | null => {
  const done: Next = (j) => j;
  for (let i = 0; i <= s.length; i++) {
    const end = m(s, i, done);
    if (end >= 0) return s.text.slice(s.at[i], s.at[end]);
  }
  return null;
};

/** Whether any code point of `text` is of the class (any flag of `mask`). */
export const hasClass = (text: string, mask: number): boolean => {
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) as number;
    if (((cp < 128 ? (ASCII_FLAGS[cp] as number) : wideFlags(cp)) & mask) !== 0) return true;
    i += cp > 0xffff ? 2 : 1;
  }
  return false;
};
