/**
 * Issue 11 (the cold build): the word matchers of `wordMatch.ts` that the PPV caption detectors
 * run instead of their Unicode-property regular expressions are equal to them. Each matcher is
 * checked against its pattern (`pattern.exec(text)?.[0] ?? null`) on random texts built from
 * the phrases' words and hard characters (other scripts, emojis, digits next to words, case,
 * white space of every kind, apostrophes, lone surrogates); the code point classes are checked
 * over every code point; `detectPpvElements` is checked against a detector written with the
 * patterns only.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PATTERN_MATCHERS,
  PPV_ELEMENT_DETECTORS,
  ppvCaptionParts,
} from '../../src/content/ppvStructure';
import {
  DIGIT,
  findIn,
  hasClass,
  L_IU,
  L_U,
  LN_IU,
  LN_U,
  LU,
  N_DOT_COMMA,
  scanText,
  WS,
} from '../../src/content/wordMatch';
import { captionFit, DEFAULT_POLICY, detectPpvElements } from '../../src/index';

const SEED = 20250120;

/** Words and pieces the detectors look for, and their neighbours. */
const PIECES: ReadonlyArray<string> = [
  ...new Set(
    Object.values(PPV_ELEMENT_DETECTORS)
      .flatMap((d) => d.phrases)
      .flatMap((p) => [p, ...p.split(' ')]),
  ),
  'two',
  'three',
  'ten',
  'twenty',
  'first',
  'video',
  'videos',
  'vid',
  'pics',
  'pictures',
  'photo',
  'clips',
  'minute',
  'mins',
  'selfies',
  'sets',
  'set',
  'usd',
  'dollar',
  'dollars',
  'bucks',
  'off',
  'hours',
  'hour',
  'hrs',
  'hr',
  'h',
  'x',
  'X',
  'OMG',
  'NEW',
  'HOT',
  'ÉTÉ',
  'ЖАР',
  'ab',
  'new',
  '3',
  '10',
  '24',
  '1234',
  '99999',
  '9.99',
  '9,5',
  '.5',
  '12.345',
  '%',
  '$',
  '€',
  '£',
  '+',
  '-',
  ' ',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\u00a0',
  '\u3000',
  '\u2028',
  '\u2009',
  '\ufeff',
  '\u200b',
  "'",
  '’',
  '`',
  '.',
  ',',
  '!',
  '?',
  '…',
  ':',
  '/',
  '(',
  ')',
  '"',
  '*',
  '•',
  'é',
  'É',
  'ß',
  'ẞ',
  'Ж',
  'ж',
  '中文',
  'ひ',
  '٣',
  '४',
  'Ⅻ',
  'ⅻ',
  '½',
  '𝐀',
  '𝐚',
  '𝟎',
  '𐐀',
  'ſ',
  'K',
  'İ',
  'ı',
  'Å',
  '\u0345',
  '\u0301',
  'Ⓐ',
  'ⓐ',
  '➀',
  '①',
  '😘',
  '💋',
  '❤️',
  '🫶',
  '👩‍❤️‍👨',
  '\ud800',
  '\udc00',
  '\ud83d',
  'ﬀ',
  'ﬁ',
  'Ǆ',
  'ǅ',
  'ǆ',
  'Σ',
  'ς',
  'µ',
  'Μ',
];

/** A random casing: unchanged, lower, upper, or the first letter capital. */
const recase = (s: string, k: number): string =>
  k === 0
    ? s
    : k === 1
      ? s.toLowerCase()
      : k === 2
        ? s.toUpperCase()
        : s.charAt(0).toUpperCase() + s.slice(1);

const textArb: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc.tuple(fc.constantFrom(...PIECES), fc.nat(3)).map(([p, k]) => recase(p, k)),
      },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
    ),
    { maxLength: 24 },
  )
  .map((xs) => xs.join(''));

/** Texts a person would write: words of the phrases with white space and punctuation between. */
const sentenceArb: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.constantFrom(...PIECES),
      fc.nat(3),
      fc.constantFrom(' ', ' ', ' ', '', ', ', '! ', '\n', "'", '’'),
    ),
    { maxLength: 16 },
  )
  .map((xs) => xs.map(([p, k, sep]) => recase(p, k) + sep).join(''));

const regexFind = (re: RegExp, text: string): string | null => re.exec(text)?.[0] ?? null;

describe('the word matchers equal their patterns', () => {
  it('there is a matcher for every Unicode-property pattern of the detectors', () => {
    const unicode = new Set(
      Object.values(PPV_ELEMENT_DETECTORS)
        .flatMap((d) => d.patterns)
        .filter((p) => /\\p\{/.test(p.source)),
    );
    const matched = new Set(PATTERN_MATCHERS.map(([re]) => re));
    for (const p of unicode) expect(matched.has(p), p.source).toBe(true);
    expect(PATTERN_MATCHERS.length).toBe(16);
  });

  it('every phrase is lower-case ASCII letters, spaces and apostrophes', () => {
    for (const d of Object.values(PPV_ELEMENT_DETECTORS))
      for (const p of d.phrases) expect(p, p).toMatch(/^[a-z][a-z' ]*$/);
  });

  it.each(PATTERN_MATCHERS.map(([re, m], i) => [i, re.source.slice(0, 60), re, m] as const))(
    'matcher %i (%s) finds what its pattern finds',
    (_i, _src, re, m) => {
      fc.assert(
        fc.property(fc.oneof(textArb, sentenceArb), (text) => {
          expect(findIn(scanText(text), m)).toBe(regexFind(re, text));
        }),
        { seed: SEED, numRuns: 3000 },
      );
    },
  );

  it('hand-picked cases agree', () => {
    const cases = [
      '',
      ' ',
      'omg',
      'OMG!',
      'xomg',
      'omgx',
      'omg3',
      '3omg',
      'ſecret',
      'SECRET',
      'ſave 10 bucKs',
      "you won't believe",
      'you wont believe',
      'you won’t believe',
      "you won''t believe",
      'you\u00a0won’t\t\tbelieve',
      "don't   miss",
      'dm\nme',
      'get it',
      'get itx',
      'check your dms',
      '$25',
      '25$',
      '25 usd',
      '25usd',
      '25 dollars',
      '25 dollarsx',
      '1.5dollars',
      '.25 usd',
      ',25 usd',
      '٣25 usd',
      '25.999 usd',
      '25,99€',
      '50% off',
      '50 % OFF',
      '1000% off',
      '5%off!',
      '3 videos',
      '3-minute',
      '10 new pics',
      'three clips',
      'twenty sets',
      'twentysets',
      '3 new new pics',
      '3 pics pics',
      '3 picsx pics',
      '123videos',
      '3 𝐚pics',
      '3 \u0345 pics',
      'x3',
      '3x',
      'x 3',
      '3 x',
      'xx3',
      'x33x',
      'solo + b/g',
      'vids+5 pics',
      'é+é',
      '𝐀 + 𝟎',
      '24 hours',
      '48h',
      '2 hrs',
      '1234 hours',
      'first 10',
      'first five',
      'first  10',
      'first 12345',
      'NEW',
      'NEw',
      'ÉTÉ',
      '𝐀𝐀𝐀',
      'AB',
      'ABC3',
      'ABC\u0345',
      '\u0345omg',
      'omg\u0345',
      '\ud800omg\udc00',
      'Kisses',
      'xo',
      'xoxo',
      'xo😘',
    ];
    for (const text of cases)
      for (const [re, m] of PATTERN_MATCHERS)
        expect(findIn(scanText(text), m), `${re.source} on ${JSON.stringify(text)}`).toBe(
          regexFind(re, text),
        );
  });
});

describe('the code point classes', () => {
  const CLASSES: ReadonlyArray<readonly [string, number, RegExp]> = [
    ['letter or number (u)', LN_U, /^[\p{L}\p{N}]$/u],
    ['letter or number (iu)', LN_IU, /^[\p{L}\p{N}]$/iu],
    ['letter (u)', L_U, /^\p{L}$/u],
    ['letter (iu)', L_IU, /^\p{L}$/iu],
    ['capital letter (u)', LU, /^\p{Lu}$/u],
    ['number, dot or comma (iu)', N_DOT_COMMA, /^[\p{N}.,]$/iu],
    ['white space', WS, /^\s$/u],
    ['digit', DIGIT, /^\d$/iu],
  ];

  it('classify every code point as the Unicode classes do', () => {
    const bad: string[] = [];
    // in chunks of code points, each chunk scanned as one text (surrogates alone: one at a time)
    for (let start = 0; start <= 0x10ffff; start += 4096) {
      const cps: number[] = [];
      for (let cp = start; cp < Math.min(start + 4096, 0x110000); cp++)
        if (cp < 0xd800 || cp > 0xdfff) cps.push(cp);
      const scan = scanText(String.fromCodePoint(...cps));
      expect(scan.length).toBe(cps.length);
      cps.forEach((cp, i) => {
        const ch = String.fromCodePoint(cp);
        for (const [name, mask, re] of CLASSES)
          if ((((scan.flags[i] as number) & mask) !== 0) !== re.test(ch))
            bad.push(`${name} U+${cp.toString(16)}`);
      });
    }
    for (let cp = 0xd800; cp <= 0xdfff; cp++) {
      const ch = String.fromCharCode(cp);
      const scan = scanText(ch);
      for (const [name, mask, re] of CLASSES)
        if ((((scan.flags[0] as number) & mask) !== 0) !== re.test(ch))
          bad.push(`${name} U+${cp.toString(16)}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('fold to an ASCII literal exactly the code points the i flag matches it with', () => {
    const LITERALS = "abcdefghijklmnopqrstuvwxyz0123456789'’%$€£+-.,_ ";
    const any = /^[a-z0-9'’%$€£+\-.,_ ]$/iu;
    const each = Array.from(
      LITERALS,
      (c) => [c, new RegExp(`^[${c === '-' ? '\\-' : c}]$`, 'iu')] as const,
    );
    const bad: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const ch = String.fromCodePoint(cp);
      const fold = scanText(ch).fold[0] as number;
      const folded = LITERALS.includes(String.fromCodePoint(fold))
        ? String.fromCodePoint(fold)
        : null;
      const matched = any.test(ch) ? each.filter(([, re]) => re.test(ch)).map(([c]) => c) : [];
      if (JSON.stringify(matched) !== JSON.stringify(folded === null ? [] : [folded]))
        bad.push(`U+${cp.toString(16)}: ${matched.join('')} / ${folded}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('hasClass reads a text as its scan does', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const s = scanText(text);
        for (const mask of [LN_U, LN_IU, WS, LU]) {
          const any = Array.from(s.flags.subarray(0, s.length)).some((f) => (f & mask) !== 0);
          expect(hasClass(text, mask)).toBe(any);
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('a scan keeps the code points: lone surrogates count as one, pairs as one', () => {
    const text = 'a\ud800b😘\udc00c';
    const s = scanText(text);
    expect(s.length).toBe(6);
    expect(Array.from(s.at.subarray(0, s.length + 1))).toEqual([0, 1, 2, 3, 5, 6, 7]);
  });
});

describe('detectPpvElements equals the detectors written with the patterns', () => {
  // The detection rules of PPV_ELEMENT_DETECTORS with the regular expressions only (the oracle).
  const P = Object.fromEntries(
    Object.entries(PPV_ELEMENT_DETECTORS).map(([e, d]) => [e, d.patterns]),
  ) as Record<string, ReadonlyArray<RegExp>>;
  const first = (s: string, ps: ReadonlyArray<RegExp>): string | null => {
    for (const p of ps) {
      const m = p.exec(s);
      if (m !== null) return m[0];
    }
    return null;
  };
  const snippet = (s: string): string => {
    const cps = Array.from(s.slice(0, 400));
    return cps.length > 80 ? `${cps.slice(0, 79).join('')}…` : cps.join('');
  };
  const hook = (s: string): string | null => {
    const [phrase, caps, punct] = P.clickbait as [RegExp, RegExp, RegExp];
    return first(s, [phrase, caps]) ?? (punct.test(s) ? snippet(s) : null);
  };
  const words = (s: string): number => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const oracle = (t: string): Record<string, string | null> => {
    const parts = ppvCaptionParts(t);
    const [item0, item1, item2, item3, listLine] = P.itemization as RegExp[];
    const listLines = parts.lines.filter((l) => (listLine as RegExp).test(l));
    const setting = (P.bodyWithSetting as RegExp[])[0]?.exec(parts.body) ?? null;
    const title = parts.title;
    const wrap = parts.wrap;
    return {
      clickbait: hook(parts.opening),
      exclusivity: first(t, P.exclusivity as RegExp[]),
      valueAnchor: first(t, P.valueAnchor as RegExp[]),
      callToAction: first(t, P.callToAction as RegExp[]),
      itemization:
        first(t, [item0, item1, item2, item3] as RegExp[]) ??
        (listLines.length >= 2 ? snippet(listLines.join(' / ')) : null),
      urgency: first(t, P.urgency as RegExp[]),
      clickbaitTitle:
        title.length > 0 && Array.from(title).length <= 60 && hook(title) !== null ? title : null,
      bodyWithSetting: setting !== null && words(parts.body) >= 8 ? setting[0] : null,
      shortWrap:
        wrap !== null &&
        Array.from(wrap).length <= 80 &&
        first(wrap, P.shortWrap as RegExp[]) !== null
          ? wrap
          : null,
    };
  };

  it('on random captions', () => {
    expect(DEFAULT_POLICY.ppvStructure.titleMaxCharacters).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.oneof(textArb, sentenceArb), (text) => {
        expect(
          detectPpvElements(text, {
            ...DEFAULT_POLICY.ppvStructure,
            titleMaxCharacters: 60,
            bodyMinWords: 8,
            wrapMaxCharacters: 80,
          }),
        ).toEqual(oracle(text));
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
});

describe('a game caption names its game as the keyword pattern reads it', () => {
  const KEYWORDS = [
    'spin',
    'wheel',
    'prize wheel',
    'prize',
    'mystery',
    'box',
    'scratch',
    'card',
    'deck',
    'SPIN',
    'Box',
    'x3',
    '3',
    'spin-the-wheel',
    'scratch_off',
    'k',
    's',
    'ſpin',
    'kárta',
    'Ж',
    'a.b',
    '(',
    '',
  ];
  const escapeSource = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const oracle = (text: string, k: string): boolean =>
    new RegExp(`(^|[^\\p{L}\\p{N}])${escapeSource(k)}`, 'iu').test(text);
  const fitOf = (k: string) => ({
    ppvStyle: null,
    structure: null,
    contentTypes: [],
    campaignType: 'game_other' as const,
    gameType: null,
    gameKeywords: [k],
  });
  const pieces = [...PIECES, ...KEYWORDS, 'SPIN', 'Spin', 'ſpin', 'Kard', 'boxes', 'xbox', '3box'];
  const gameText = fc
    .array(fc.tuple(fc.constantFrom(...pieces), fc.nat(3)), { maxLength: 12 })
    .map((xs) => xs.map(([p, k]) => recase(p, k)).join(''));

  it('on random captions and keywords', () => {
    fc.assert(
      fc.property(fc.oneof(gameText, textArb), fc.constantFrom(...KEYWORDS), (text, k) => {
        const f = captionFit({ text, contentType: null }, fitOf(k), DEFAULT_POLICY);
        expect(f.game).toBe(oracle(text, k));
      }),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it('on hand-picked captions', () => {
    for (const [text, k] of [
      ['Spin to win', 'spin'],
      ['ſpin to win', 'spin'],
      ['xspin', 'spin'],
      ['3spin', 'spin'],
      ['éspin', 'spin'],
      ['\u0345spin', 'spin'],
      ['😘spin', 'spin'],
      ['spinning', 'spin'],
      ['a prize  wheel', 'prize wheel'],
      ['a prize wheel', 'prize wheel'],
      ['Kard', 'card'],
      ['\u212Aard', 'kard'],
    ] as const)
      expect(captionFit({ text, contentType: null }, fitOf(k), DEFAULT_POLICY).game, text).toBe(
        oracle(text, k),
      );
  });
});
