/**
 * PPV caption structure (seed 004 "PPV Caption Structure Requirements"): the element detectors,
 * the three structures and their minimum counts, the structure of a styled item, the issue row
 * and the policy section. The oracle's numbers are this file's own literals: Winner PPV 3 of 4,
 * Bundle PPV 2 of 3, Wall Campaign 2 of 3; title <= 60 code points, body >= 8 words, wrap <= 80
 * code points.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  detectPpvElements,
  ISSUE_CODES,
  issue,
  PPV_ELEMENT_DETECTORS,
  PPV_STRUCTURE_ELEMENTS,
  PPV_STRUCTURE_TYPES,
  PPV_STRUCTURES,
  type PpvStructureElement,
  type PpvStructureType,
  ppvCaptionParts,
  ppvStructureFor,
  resolvePolicy,
  SEND_TYPE_KEYS,
  type SendTypeKey,
  validatePpvStructure,
} from '../../src/index';

const SEED = 20250120;

/** The seed's table, written out (004 "PPV Caption Structure Requirements"). */
const ELEMENTS: Readonly<Record<PpvStructureType, ReadonlyArray<PpvStructureElement>>> = {
  winner: ['clickbait', 'exclusivity', 'valueAnchor', 'callToAction'],
  bundle: ['itemization', 'valueAnchor', 'urgency'],
  wall_campaign: ['clickbaitTitle', 'bodyWithSetting', 'shortWrap'],
};
const REQUIRED: Readonly<Record<PpvStructureType, number>> = {
  winner: 3,
  bundle: 2,
  wall_campaign: 2,
};
const STRUCTURES: ReadonlyArray<PpvStructureType> = ['winner', 'bundle', 'wall_campaign'];
/** The detectors that only search for phrases and patterns (monotone under appending text). */
const WORD_LIST_ELEMENTS: ReadonlyArray<PpvStructureElement> = [
  'clickbait',
  'exclusivity',
  'valueAnchor',
  'callToAction',
  'itemization',
  'urgency',
];

const found = (text: string, element: PpvStructureElement): boolean =>
  detectPpvElements(text)[element] !== null;

/** Asserts the found / missing elements and the verdict of a caption against one structure. */
const expectFit = (
  text: string,
  structure: PpvStructureType,
  expectedFound: ReadonlyArray<PpvStructureElement>,
  passes: boolean,
) => {
  const r = validatePpvStructure(text, structure);
  expect(r.found).toEqual(expectedFound);
  expect(r.missing).toEqual(ELEMENTS[structure].filter((e) => !expectedFound.includes(e)));
  expect(r.passes).toBe(passes);
  return r;
};

describe('the structure table (004 "PPV Caption Structure Requirements")', () => {
  it('lists the three structures and their elements in seed order', () => {
    expect(PPV_STRUCTURE_TYPES).toEqual(['winner', 'bundle', 'wall_campaign']);
    expect(PPV_STRUCTURES).toEqual(ELEMENTS);
    expect(PPV_STRUCTURE_ELEMENTS).toEqual([
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
  });

  it('is frozen, and so are the detector lists', () => {
    expect(Object.isFrozen(PPV_STRUCTURES)).toBe(true);
    expect(Object.isFrozen(PPV_STRUCTURES.winner)).toBe(true);
    expect(Object.isFrozen(PPV_ELEMENT_DETECTORS)).toBe(true);
    for (const e of PPV_STRUCTURE_ELEMENTS) {
      const d = PPV_ELEMENT_DETECTORS[e];
      expect(d.element).toBe(e);
      expect(Object.isFrozen(d)).toBe(true);
      expect(Object.isFrozen(d.phrases)).toBe(true);
      expect(Object.isFrozen(d.patterns)).toBe(true);
      expect(d.description.length).toBeGreaterThan(0);
    }
    expect(() => (PPV_ELEMENT_DETECTORS.exclusivity.phrases as string[]).push('x')).toThrow();
  });

  it('documents the phrases the brief names', () => {
    const has = (e: PpvStructureElement, phrases: string[]) =>
      expect(PPV_ELEMENT_DETECTORS[e].phrases).toEqual(expect.arrayContaining(phrases));
    has('clickbait', ["you won't believe", 'guess what', 'omg', 'finally']);
    has('exclusivity', [
      'only for you',
      'exclusive',
      'never seen',
      'no one else',
      'first time',
      'just for my',
      'private',
      'limited to',
    ]);
    has('valueAnchor', ['worth', 'value', 'normally', 'instead of', 'save', 'half price']);
    has('callToAction', ['unlock', 'open', 'tap', 'click', 'grab', 'get it', "don't miss"]);
    has('itemization', ['plus', 'bundle of']);
    has('urgency', ['today only', 'tonight', 'ends', 'last chance', 'hurry', 'limited time']);
    has('bodyWithSetting', ['shower', 'bed', 'kitchen', 'hotel', 'beach', 'car', 'gym']);
    has('shortWrap', ['enjoy', 'xoxo', 'see you', 'let me know']);
  });
});

describe('validatePpvStructure: Winner PPV (3 of 4)', () => {
  it('4 of 4 passes, with the matched text of each element', () => {
    const r = expectFit(
      'OMG 😱 only for you: unlock it now, normally $40',
      'winner',
      ['clickbait', 'exclusivity', 'valueAnchor', 'callToAction'],
      true,
    );
    expect(r).toMatchObject({ required: 3, total: 4, score: 1 });
    expect(r.matches).toEqual({
      clickbait: 'OMG',
      exclusivity: 'only for you',
      valueAnchor: 'normally',
      callToAction: 'unlock',
    });
  });

  it('3 of 4 passes', () => {
    const r = expectFit(
      'Guess what? Never seen before 🙈 worth $50 but yours for $15',
      'winner',
      ['clickbait', 'exclusivity', 'valueAnchor'],
      true,
    );
    expect(r.score).toBe(0.75);
  });

  it('2 of 4 fails', () => {
    const r = expectFit(
      "you won't believe what I did... first time on camera 🙈",
      'winner',
      ['clickbait', 'exclusivity'],
      false,
    );
    expect(r.score).toBe(0.5);
  });

  it('1 of 4 and 0 of 4 fail', () => {
    expectFit(
      'hey babe, how was your day 💕 this is just for you',
      'winner',
      ['exclusivity'],
      false,
    );
    expectFit('hey babe', 'winner', [], false);
  });
});

describe('validatePpvStructure: Bundle PPV (2 of 3)', () => {
  it('3 of 3 passes', () => {
    const r = expectFit(
      '5 videos + 20 pics, worth $120, yours for $30 today only',
      'bundle',
      ['itemization', 'valueAnchor', 'urgency'],
      true,
    );
    expect(r).toMatchObject({ required: 2, total: 3, score: 1 });
  });

  it('2 of 3 passes', () => {
    const r = expectFit(
      'Bundle of 3 clips, normally $45 💦',
      'bundle',
      ['itemization', 'valueAnchor'],
      true,
    );
    expect(r.score).toBeCloseTo(2 / 3, 12);
  });

  it('1 of 3 fails', () => {
    const r = expectFit('last chance babe, ends at midnight 😈', 'bundle', ['urgency'], false);
    expect(r.score).toBeCloseTo(1 / 3, 12);
  });

  it('0 of 3 fails', () => {
    expectFit('thinking of you 💭', 'bundle', [], false);
  });
});

describe('validatePpvStructure: Wall Campaign (2 of 3)', () => {
  it('3 of 3 passes', () => {
    const r = expectFit(
      'Caught in the shower 🚿!\nI was rinsing off after the gym this morning when I propped my phone on the sink...\nEnjoy 😘',
      'wall_campaign',
      ['clickbaitTitle', 'bodyWithSetting', 'shortWrap'],
      true,
    );
    expect(r.matches).toEqual({
      clickbaitTitle: 'Caught in the shower 🚿!',
      bodyWithSetting: 'gym',
      shortWrap: 'Enjoy 😘',
    });
  });

  it('2 of 3 passes (the last sentence is too long to be a wrap)', () => {
    expectFit(
      'Guess what I did at the hotel?\nI booked a suite with a huge bathtub and wore my new red lingerie for you, and then I spent hours taking the naughtiest pictures of my life in front of that giant mirror',
      'wall_campaign',
      ['clickbaitTitle', 'bodyWithSetting'],
      true,
    );
  });

  it('1 of 3 fails', () => {
    expectFit('NEW SET\nthis one is spicy', 'wall_campaign', ['clickbaitTitle'], false);
  });

  it('0 of 3 fails', () => {
    expectFit('just a normal day', 'wall_campaign', [], false);
  });
});

describe('garbage input', () => {
  it('empty or non-string text finds nothing and fails every structure', () => {
    for (const text of ['', '   \n\t ', null, undefined, 42, {}, ['OMG'], Symbol('x')])
      for (const s of STRUCTURES) {
        const r = validatePpvStructure(text as never, s);
        expect(r.found).toEqual([]);
        expect(r.missing).toEqual(ELEMENTS[s]);
        expect(r.passes).toBe(false);
        expect(r.score).toBe(0);
      }
  });

  it('an unknown structure has no elements and fails; a junk policy reads as the default', () => {
    for (const s of ['nope', '__proto__', 'constructor', null, 7]) {
      const r = validatePpvStructure('OMG only for you, unlock it for $5', s as never);
      expect(r).toMatchObject({ found: [], missing: [], total: 0, score: 0, passes: false });
    }
    expect(validatePpvStructure('OMG only for you', 'winner', null as never).required).toBe(3);
  });
});

describe('ppvCaptionParts (how text is split)', () => {
  it('splits lines, sentences, title, body and wrap', () => {
    expect(ppvCaptionParts('NEW video!\nIn the shower this morning. Enjoy 😘')).toEqual({
      lines: ['NEW video!', 'In the shower this morning. Enjoy 😘'],
      sentences: ['NEW video!', 'In the shower this morning.', 'Enjoy 😘'],
      opening: 'NEW video!',
      title: 'NEW video!',
      body: 'In the shower this morning. Enjoy 😘',
      wrap: 'Enjoy 😘',
    });
  });

  it('a one-line caption: the title is its first sentence', () => {
    expect(ppvCaptionParts('OMG!! Look at this... xoxo')).toMatchObject({
      sentences: ['OMG!!', 'Look at this...', 'xoxo'],
      title: 'OMG!!',
      body: 'Look at this... xoxo',
      wrap: 'xoxo',
    });
  });

  it('keeps amounts and dots inside words, drops empty lines, reads CRLF', () => {
    expect(ppvCaptionParts('only $9.99 today...and more').sentences).toEqual([
      'only $9.99 today...and more',
    ]);
    expect(ppvCaptionParts('\r\n  first \r\n\r\n second\rthird  ').lines).toEqual([
      'first',
      'second',
      'third',
    ]);
  });

  it('an empty caption has no parts', () => {
    expect(ppvCaptionParts('')).toEqual({
      lines: [],
      sentences: [],
      opening: '',
      title: '',
      body: '',
      wrap: null,
    });
  });
});

describe('element detectors', () => {
  const cases: ReadonlyArray<
    readonly [PpvStructureElement, ReadonlyArray<string>, ReadonlyArray<string>]
  > = [
    [
      'clickbait',
      [
        '😱 OMG!!',
        'Guess WHAT',
        'you WON’T believe this',
        'finally.',
        'is this too much?',
        'WET 💦 so wet',
        'oh   my god',
      ],
      ['hey there', 'hey there. OMG what is this!', 'omgosh', 'Im so wet 💦', '...'],
    ],
    [
      'exclusivity',
      ['Only For You 💕', 'EXCLUSIVE!!', 'never   seen before', 'nobody else gets this', 'PRIVATE'],
      ['this is inclusive', 'privately', 'time first', 'hey 💕'],
    ],
    [
      'valueAnchor',
      [
        '$25',
        'only 25$ babe',
        '€9.99 🔥',
        '50% OFF',
        'worth it',
        '30 usd',
        'Save big!',
        'FOR ONLY a few',
      ],
      ['25 pics', '100%', 'saved it', 'priceless 💎', 'worthy'],
    ],
    [
      'callToAction',
      ['Unlock it 🔓', 'DM me', 'dont miss this', 'don’t miss this', 'TAP here', 'grab it!'],
      ['reopening soon', 'unlocked', 'I am taping', 'hey 👀'],
    ],
    [
      'itemization',
      [
        '3 videos',
        '10-minute tease',
        '5 new pics',
        'three clips 🎬',
        'x3',
        'solo + b/g',
        '- one\n- two',
        '1. shower\n2. bed',
        '✅ vid\n✅ pics',
        'PLUS a bonus',
      ],
      ['one video', '1.5 hours', '18+ only', '- only one bullet', 'a single clip'],
    ],
    [
      'urgency',
      [
        'TODAY ONLY',
        '24 hours',
        '48h 🔥',
        'first 10 fans',
        'ends at midnight',
        'hurry!',
        'Last   Chance',
      ],
      ['weekends', 'endless fun', 'first time', 'hurrying', 'tomorrow maybe'],
    ],
  ];
  for (const [element, positives, negatives] of cases)
    it(`${element}: positives and negatives`, () => {
      for (const p of positives) expect(found(p, element), `${element} in ${p}`).toBe(true);
      for (const n of negatives) expect(found(n, element), `${element} not in ${n}`).toBe(false);
    });

  it('clickbaitTitle: a short hook on the first line (<= 60 code points)', () => {
    expect(found('SO WET 💦\nrest of it', 'clickbaitTitle')).toBe(true);
    expect(found('guess who is back\nrest', 'clickbaitTitle')).toBe(true);
    expect(found('just a title\nrest', 'clickbaitTitle')).toBe(false);
    // 60 code points with the emoji, then 61.
    const title60 = `${'a'.repeat(58)}!😱`;
    expect(Array.from(title60)).toHaveLength(60);
    expect(found(`${title60}\nrest`, 'clickbaitTitle')).toBe(true);
    expect(found(`a${title60}\nrest`, 'clickbaitTitle')).toBe(false);
    expect(found('', 'clickbaitTitle')).toBe(false);
  });

  it('bodyWithSetting: at least 8 words after the title and a setting word', () => {
    // 8 words (the emoji is not a word), with "kitchen".
    expect(found('Hi!\nme in the kitchen wearing only an apron 🍳', 'bodyWithSetting')).toBe(true);
    // 7 words.
    expect(found('Hi!\nme in the kitchen wearing an apron 🍳', 'bodyWithSetting')).toBe(false);
    // no setting word.
    expect(found('Hi!\nI have been thinking about you all day long babe', 'bodyWithSetting')).toBe(
      false,
    );
    // a one-line caption: the body follows the first sentence.
    expect(
      found('OMG! I just got out of the SHOWER and I am still dripping', 'bodyWithSetting'),
    ).toBe(true);
    // the setting word in the title does not count.
    expect(
      found('In the shower!\nI have been thinking about you all day long babe', 'bodyWithSetting'),
    ).toBe(false);
  });

  it('shortWrap: a closing sentence of <= 80 code points with a sign-off, CTA or kiss emoji', () => {
    expect(found('Hi!\nSo much fun. XOXO', 'shortWrap')).toBe(true);
    expect(found('Hi!\nSo much fun.\nsee u soon 😘', 'shortWrap')).toBe(true);
    expect(found('Hi!\nSo much fun. Unlock it', 'shortWrap')).toBe(true);
    expect(found('Hi!\nSo much fun. bye', 'shortWrap')).toBe(false);
    // a one-sentence caption has no wrap.
    expect(found('enjoy 😘', 'shortWrap')).toBe(false);
    const wrap80 = `enjoy ${'a'.repeat(74)}`;
    expect(Array.from(wrap80)).toHaveLength(80);
    expect(found(`Hi!\n${wrap80}`, 'shortWrap')).toBe(true);
    expect(found(`Hi!\n${wrap80}a`, 'shortWrap')).toBe(false);
  });
});

describe('properties', () => {
  const TOKENS = [
    'OMG',
    'omg',
    'hey',
    'babe',
    'guess what',
    'only for you',
    'exclusive',
    'unlock',
    'DM me',
    '$25',
    '50% off',
    'worth',
    '3 videos',
    'x3',
    '+',
    '-',
    '1.',
    'today only',
    '24 hours',
    'first 10',
    'shower',
    'bed',
    'enjoy',
    'xoxo',
    '😘',
    '🔥',
    '💦',
    '!',
    '?',
    '.',
    '...',
    ',',
    '\n',
    ' ',
    'ends',
    'plus',
    'finally',
  ];
  const captionLike = fc
    .array(fc.constantFrom(...TOKENS), { maxLength: 40 })
    .map((ts) => ts.join(' '));
  const anyText = fc.oneof(
    fc.constant(''),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    captionLike,
    captionLike,
  );

  it('total and well-formed over arbitrary strings: found and missing partition the structure, score = found / total', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom(...STRUCTURES), (text, s) => {
        const r = validatePpvStructure(text, s);
        expect(r.structure).toBe(s);
        expect(r.total).toBe(ELEMENTS[s].length);
        expect(r.required).toBe(REQUIRED[s]);
        expect([...r.found, ...r.missing].sort()).toEqual([...ELEMENTS[s]].sort());
        expect(ELEMENTS[s].filter((e) => r.found.includes(e))).toEqual(r.found);
        expect(r.score).toBe(r.found.length / r.total);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        expect(r.passes).toBe(r.found.length >= REQUIRED[s]);
        expect(Object.keys(r.matches).sort()).toEqual([...r.found].sort());
        for (const v of Object.values(r.matches)) expect(typeof v).toBe('string');
      }),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('total over any value', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (text, s) => {
        const r = validatePpvStructure(text as never, s as never);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        expect(typeof r.passes).toBe('boolean');
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(detectPpvElements(text)).toEqual(detectPpvElements(text));
        for (const s of STRUCTURES)
          expect(validatePpvStructure(text, s)).toEqual(validatePpvStructure(text, s));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('the caption-like generator reaches every word-list element', () => {
    const samples = fc.sample(captionLike, { seed: SEED, numRuns: 200 });
    for (const e of WORD_LIST_ELEMENTS)
      expect(samples.filter((t) => found(t, e)).length, e).toBeGreaterThan(20);
  });

  it('appending a sentence never removes an element of a word-list detector', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.constantFrom(' ', '\n', '. ', '! ', '\n\n'),
        anyText,
        (text, sep, more) => {
          const before = detectPpvElements(text);
          const after = detectPpvElements(`${text}${sep}${more}`);
          for (const e of WORD_LIST_ELEMENTS)
            if (before[e] !== null) expect(after[e], `${e} lost`).not.toBeNull();
        },
      ),
      { seed: SEED, numRuns: 400 },
    );
  });

  it('the hard cases: empty, one character, one dense caption', () => {
    for (const s of STRUCTURES) {
      expect(validatePpvStructure('', s).found).toEqual([]);
      expect(validatePpvStructure('!', s).passes).toBe(false);
    }
    const dense =
      'OMG!! 😱\n- 3 videos + 10 pics, only for you\n- worth $200, 50% off today only\nIn the shower after the gym this morning, all wet and waiting for you babe.\nUnlock it xoxo 😘';
    for (const s of STRUCTURES) {
      const r = validatePpvStructure(dense, s);
      expect(r.found).toEqual(ELEMENTS[s]);
      expect(r.passes).toBe(true);
    }
  });
});

describe('linear-time patterns', () => {
  /**
   * A problem of a regex source: a backreference, or a group that can repeat (`+`, `*`, `{n,}`,
   * `{n,m}` with m > 1) and holds a quantifier (`(a+)+`, `(a*)*`, `(?:\d{1,2}){2,}`). An
   * optional group holding a quantifier (`(?:[.,]\d{1,2})?`) runs at most once and is allowed.
   */
  const problemOf = (source: string): string | null => {
    const stack: boolean[] = [false];
    const markQuantified = () => {
      stack[stack.length - 1] = true;
    };
    /** The quantifier at `i`, if any: its length and whether it can repeat. */
    const quantifierAt = (i: number): { readonly length: number; readonly repeats: boolean } => {
      const c = source[i];
      if (c === '+' || c === '*') return { length: 1, repeats: true };
      if (c === '?') return { length: 1, repeats: false };
      if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
        if (m === null) return { length: 0, repeats: false };
        const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
        return { length: m[0].length, repeats: max > 1 };
      }
      return { length: 0, repeats: false };
    };
    let inClass = false;
    for (let i = 0; i < source.length; i++) {
      const c = source[i];
      if (c === '\\') {
        const next = source[i + 1] ?? '';
        if (!inClass && (/[1-9]/.test(next) || next === 'k')) return `backreference at ${i}`;
        i++;
        if ((next === 'p' || next === 'P' || next === 'u') && source[i + 1] === '{')
          i = source.indexOf('}', i);
        if (!inClass && quantifierAt(i + 1).length > 0) markQuantified();
        continue;
      }
      if (inClass) {
        if (c === ']') {
          inClass = false;
          if (quantifierAt(i + 1).length > 0) markQuantified();
        }
        continue;
      }
      if (c === '[') inClass = true;
      else if (c === '(') stack.push(false);
      else if (c === ')') {
        const holdsQuantifier = stack.pop() ?? false;
        const q = quantifierAt(i + 1);
        if (q.repeats && holdsQuantifier) return `nested quantifier at ${i}`;
        if (holdsQuantifier || q.length > 0) markQuantified();
      } else if (quantifierAt(i + 1).length > 0 && c !== '|') markQuantified();
    }
    return null;
  };

  it('the checker itself flags nested quantifiers and backreferences', () => {
    for (const bad of [
      '(a+)+',
      '(a*)*',
      '(?:\\d{1,2}){2,}',
      '(?:x(?:a+))+',
      '([ab]+)*c',
      '(a)\\1',
      '(?<n>a)\\k<n>',
    ])
      expect(problemOf(bad), bad).not.toBeNull();
    for (const ok of [
      '(?:a|b)+',
      '(?:[.,]\\d{1,2})?',
      '\\p{L}{3,}',
      '[+*]+',
      '(?<![\\p{L}])(?:a\\s+b|c)',
      '\\d+\\s?x',
    ])
      expect(problemOf(ok), ok).toBeNull();
  });

  it('every exported pattern has no nested quantifier, no backreference and no g / y flag', () => {
    for (const e of PPV_STRUCTURE_ELEMENTS)
      for (const p of PPV_ELEMENT_DETECTORS[e].patterns) {
        expect(problemOf(p.source), `${e}: /${p.source}/`).toBeNull();
        expect(p.global || p.sticky, `${e}: /${p.source}/${p.flags}`).toBe(false);
      }
  });

  it('the detectors complete on 100,000-character adversarial strings', () => {
    const n = 100_000;
    const adversarial = [
      'a'.repeat(n),
      `${'A'.repeat(n)}a`,
      `${'1'.repeat(n)}x`,
      ' '.repeat(n),
      `dm${' '.repeat(n)}x`,
      `${'!'.repeat(n)}a`,
      `1 ${'a'.repeat(n)}`,
      'x\n'.repeat(n / 2),
      '- \n'.repeat(n / 3),
      '$'.repeat(n),
      'a+'.repeat(n / 2),
      '1.'.repeat(n / 2),
      'you '.repeat(n / 4),
      '😘'.repeat(n / 2),
      `first${' '.repeat(n)}`,
      `${'9'.repeat(n)}%`,
    ];
    for (const text of adversarial) {
      expect(text.length).toBeGreaterThanOrEqual(n - 4);
      for (const s of STRUCTURES) {
        const r = validatePpvStructure(text, s);
        expect(r.total).toBe(ELEMENTS[s].length);
      }
    }
  });
});

describe('ppvStructureFor (RULINGS "Rotation and state" styles; 004 table)', () => {
  const styles = ['solo', 'bundle', 'winner', 'sextape', null] as const;
  const bundleTypes: ReadonlyArray<string> = ['bundle', 'flash_bundle', 'snapchat_bundle'];
  const expected = (style: (typeof styles)[number], key: SendTypeKey): PpvStructureType | null => {
    if (bundleTypes.includes(key)) return 'bundle';
    if (key !== 'ppv_unlock' && key !== 'ppv_wall') return null;
    if (style === 'winner') return 'winner';
    if (style === 'bundle') return 'bundle';
    return key === 'ppv_wall' ? 'wall_campaign' : null;
  };

  it('maps the named cases', () => {
    expect(ppvStructureFor('winner', 'ppv_unlock')).toBe('winner');
    expect(ppvStructureFor('winner', 'ppv_wall')).toBe('winner');
    expect(ppvStructureFor('bundle', 'ppv_unlock')).toBe('bundle');
    expect(ppvStructureFor(null, 'bundle')).toBe('bundle');
    expect(ppvStructureFor(null, 'flash_bundle')).toBe('bundle');
    expect(ppvStructureFor('solo', 'snapchat_bundle')).toBe('bundle');
    expect(ppvStructureFor('solo', 'ppv_wall')).toBe('wall_campaign');
    expect(ppvStructureFor('sextape', 'ppv_wall')).toBe('wall_campaign');
    expect(ppvStructureFor(null, 'ppv_wall')).toBe('wall_campaign');
    expect(ppvStructureFor('solo', 'ppv_unlock')).toBeNull();
    expect(ppvStructureFor('sextape', 'ppv_unlock')).toBeNull();
    expect(ppvStructureFor(null, 'ppv_unlock')).toBeNull();
    expect(ppvStructureFor('winner', 'bump_normal')).toBeNull();
    expect(ppvStructureFor('winner', 'ppv_followup')).toBeNull();
  });

  it('covers every style and send type', () => {
    expect(SEND_TYPE_KEYS).toHaveLength(22);
    for (const style of styles)
      for (const key of SEND_TYPE_KEYS)
        expect(ppvStructureFor(style, key), `${style} ${key}`).toBe(expected(style, key));
  });

  it('reads unknown keys and styles as absent', () => {
    expect(ppvStructureFor('winner', 'nope' as never)).toBeNull();
    expect(ppvStructureFor('winner', '__proto__' as never)).toBeNull();
    expect(ppvStructureFor('constructor' as never, 'ppv_wall')).toBe('wall_campaign');
    expect(ppvStructureFor(7 as never, 'ppv_unlock')).toBeNull();
    expect(ppvStructureFor(null, undefined as never)).toBeNull();
  });
});

describe('issue ppv_structure_misfit', () => {
  it('is info, content, LOW, no deduction, with its message', () => {
    const row = ISSUE_CODES.ppv_structure_misfit;
    expect(row).toMatchObject({
      severity: 'info',
      phase: 'content',
      seedLevel: 'LOW',
      deduction: 0,
      removesItems: false,
      capsStatus: null,
    });
    const i = issue('ppv_structure_misfit', {
      slotId: '2025-01-20_3',
      ppvStyle: 'winner',
      structure: 'winner',
      missing: ['valueAnchor', 'callToAction'],
      found: 2,
      required: 3,
    });
    expect(i.message).toBe(
      'Caption of 2025-01-20_3 (winner) fits 2 of the 4 winner elements (3 needed); missing: valueAnchor, callToAction',
    );
    expect(
      issue('ppv_structure_misfit', {
        slotId: '2025-01-21_1',
        ppvStyle: null,
        structure: 'bundle',
        missing: ['itemization', 'valueAnchor'],
        found: 1,
        required: 2,
      }).message,
    ).toBe(
      'Caption of 2025-01-21_1 (no style) fits 1 of the 3 bundle elements (2 needed); missing: itemization, valueAnchor',
    );
  });

  it('renders from a validation result', () => {
    const r = validatePpvStructure("you won't believe it... first time 🙈", 'winner');
    const i = issue('ppv_structure_misfit', {
      slotId: 's1',
      ppvStyle: 'winner',
      structure: r.structure,
      missing: r.missing,
      found: r.found.length,
      required: r.required,
    });
    expect(i.message).toBe(
      'Caption of s1 (winner) fits 2 of the 4 winner elements (3 needed); missing: valueAnchor, callToAction',
    );
  });
});

describe('policy section ppvStructure', () => {
  it('holds the seed counts and the part sizes', () => {
    expect(DEFAULT_POLICY.ppvStructure).toEqual({
      winnerMinElements: 3,
      bundleMinElements: 2,
      wallCampaignMinElements: 2,
      titleMaxCharacters: 60,
      bodyMinWords: 8,
      wrapMaxCharacters: 80,
    });
  });

  it('rejects counts out of range (1..4 for winner, 1..3 for the others)', () => {
    const pathsOf = (overrides: unknown) => {
      const r = resolvePolicy(overrides);
      return E.isLeft(r) ? r.left.map((i) => [i.code, i.path]) : [];
    };
    expect(pathsOf({ ppvStructure: { winnerMinElements: 5 } })).toEqual([
      ['invalid_policy', 'policy.ppvStructure.winnerMinElements'],
    ]);
    expect(pathsOf({ ppvStructure: { winnerMinElements: 0 } })).toEqual([
      ['invalid_policy', 'policy.ppvStructure.winnerMinElements'],
    ]);
    expect(pathsOf({ ppvStructure: { bundleMinElements: 4 } })).toEqual([
      ['invalid_policy', 'policy.ppvStructure.bundleMinElements'],
    ]);
    expect(pathsOf({ ppvStructure: { wallCampaignMinElements: 2.5 } })).toEqual([
      ['invalid_policy', 'policy.ppvStructure.wallCampaignMinElements'],
    ]);
    expect(pathsOf({ ppvStructure: { minElements: 2 } })).toEqual([
      ['invalid_policy', 'policy.ppvStructure.minElements'],
    ]);
    expect(E.isRight(resolvePolicy({ ppvStructure: { winnerMinElements: 4 } }))).toBe(true);
  });

  it('a valid override changes the outcome', () => {
    const twoOfFour = "you won't believe what I did... first time on camera 🙈";
    expect(validatePpvStructure(twoOfFour, 'winner').passes).toBe(false);
    const r = resolvePolicy({ ppvStructure: { winnerMinElements: 2 } });
    if (E.isLeft(r)) throw new Error('override rejected');
    const v = validatePpvStructure(twoOfFour, 'winner', r.right.ppvStructure);
    expect(v).toMatchObject({ required: 2, passes: true });

    const longTitle = `${'a'.repeat(70)}!\nrest`;
    expect(found(longTitle, 'clickbaitTitle')).toBe(false);
    const wide = resolvePolicy({ ppvStructure: { titleMaxCharacters: 80 } });
    if (E.isLeft(wide)) throw new Error('override rejected');
    expect(detectPpvElements(longTitle, wide.right.ppvStructure).clickbaitTitle).toBe(
      `${'a'.repeat(70)}!`,
    );
  });
});
