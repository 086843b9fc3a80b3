import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import type { InMemoryDataset } from '../../src/index';
import {
  type BestTiming,
  BestTimingC,
  type Caption,
  CaptionC,
  type CaptionRecord,
  CaptionRecordC,
  type CreatorProfile,
  CreatorProfileC,
  type CreatorRotationState,
  CreatorRotationStateC,
  decodeWith,
  InMemoryDatasetC,
  type Issue,
  type MassMessage,
  MassMessageC,
  type PerformanceTrends,
  PerformanceTrendsC,
  type Persona,
  PersonaC,
  readStoredRotationState,
  type ScheduleInputs,
  ScheduleInputsC,
  type ScheduleOptions,
  type ScheduleOptionsC,
  type Vault,
  VaultC,
} from '../../src/index';
import { creatorProfileArb, massMessageArb, weekStartArb } from '../support/arbitraries';

// Type-level: every decoded value has the domain type.
const _creator: CreatorProfile = {} as t.TypeOf<typeof CreatorProfileC>;
const _caption: Caption = {} as t.TypeOf<typeof CaptionC>;
const _record: CaptionRecord = {} as t.TypeOf<typeof CaptionRecordC>;
const _vault: Vault = {} as t.TypeOf<typeof VaultC>;
const _message: MassMessage = {} as t.TypeOf<typeof MassMessageC>;
const _trends: PerformanceTrends = {} as t.TypeOf<typeof PerformanceTrendsC>;
const _timing: BestTiming = {} as t.TypeOf<typeof BestTimingC>;
const _persona: Persona = {} as t.TypeOf<typeof PersonaC>;
const _rotation: CreatorRotationState = {} as t.TypeOf<typeof CreatorRotationStateC>;
const _options: ScheduleOptions = {} as t.TypeOf<typeof ScheduleOptionsC>;
// `policy` and `experiment` decode as `unknown` here: `resolvePolicy` and `decodeAbExperiment`
// decode them.
const _inputs: Omit<ScheduleInputs, 'policy' | 'experiment'> = {} as t.TypeOf<
  typeof ScheduleInputsC
>;
const _dataset: InMemoryDataset = {} as t.TypeOf<typeof InMemoryDatasetC>;
void [
  _creator,
  _caption,
  _record,
  _vault,
  _message,
  _trends,
  _timing,
  _persona,
  _rotation,
  _options,
  _inputs,
  _dataset,
];

const creator: CreatorProfile = {
  creatorId: 'creator_001',
  displayName: 'Alex',
  pageType: 'paid',
  fanCount: 5566,
  timezone: 'America/New_York',
  contentPageType: 'nude',
  subType: 'gfe',
  performanceTier: 2,
  avgRevenuePerMessage: null,
};

const caption: Caption = {
  captionId: 'c1',
  text: 'hey you 😘',
  captionType: 'flirty',
  contentType: null,
  performanceScore: 72.5,
  lastUsedAt: '2025-09-01T12:00:00.000Z',
  useCount: 2,
  globalUseCount: 5,
};

const message: MassMessage = {
  creatorId: 'creator_001',
  sentAt: '2025-09-07T04:10:00.000Z',
  sendTypeKey: 'ppv_unlock',
  price: 15,
  sent: 4000,
  viewed: 800,
  purchased: 20,
  earnings: 300,
  captionId: null,
};

const rotation: CreatorRotationState = {
  creatorId: 'creator_001',
  currentState: 'pattern_active',
  paused: false,
  pattern: ['solo', 'bundle', 'winner', 'sextape'],
  patternStartDate: '2025-09-01',
  daysOnPattern: 6,
  recentPatterns: [],
  contentRotation: null,
  lastScheduledDate: null,
  version: 3,
};

/** Decode targets: a port's answer is a `decode_error` naming the port (phase 'ports'). */
const PROFILE_PORT = { port: 'getCreatorProfile' } as const;
const HISTORY_PORT = { port: 'getMassMessageHistory' } as const;
const CAPTIONS_PORT = { port: 'getCaptionCandidates' } as const;
const ROTATION_PORT = { port: 'getRotationState' } as const;
const VAULT_PORT = { port: 'getVaultAvailability' } as const;
const TRENDS_PORT = { port: 'getPerformanceTrends' } as const;
const TIMING_PORT = { port: 'getBestTiming' } as const;
const PERSONA_PORT = { port: 'getPersonaProfile' } as const;
/** `inMemoryPorts` decodes its dataset with no port named. */
const DATASET = { port: null } as const;

const leftOf = <A>(r: E.Either<ReadonlyArray<Issue>, A>): ReadonlyArray<Issue> => {
  if (E.isRight(r)) throw new Error(`expected a decode failure, got ${JSON.stringify(r.right)}`);
  return r.left;
};

const rightOf = <A>(r: E.Either<ReadonlyArray<Issue>, A>): A => {
  if (E.isLeft(r)) throw new Error(r.left.map((i) => i.message).join('\n'));
  return r.right;
};

describe('codecs: valid values decode', () => {
  it('decodes every domain shape unchanged', () => {
    expect(rightOf(decodeWith(CreatorProfileC, creator, 'creator', PROFILE_PORT))).toEqual(creator);
    expect(rightOf(decodeWith(CaptionC, caption, 'caption', CAPTIONS_PORT))).toEqual(caption);
    expect(rightOf(decodeWith(MassMessageC, message, 'history[0]', HISTORY_PORT))).toEqual(message);
    expect(
      rightOf(decodeWith(CreatorRotationStateC, rotation, 'rotationState', ROTATION_PORT)),
    ).toEqual(rotation);
    const record: CaptionRecord = {
      captionId: 'c2',
      text: 'renew for a surprise',
      captionType: 'renewal',
      contentType: 'solo',
      performanceScore: 0,
      usage: [{ creatorId: 'creator_001', lastUsedAt: '2025-08-30T10:00:00.000Z', useCount: 1 }],
    };
    expect(rightOf(decodeWith(CaptionRecordC, record, 'captions[0]', DATASET))).toEqual(record);
    const vault: Vault = {
      contentTypes: { solo: 12, boy_girl: 0 },
      media: { video: 3, picture: 10, gif: 0 },
      flyers: 2,
    };
    expect(rightOf(decodeWith(VaultC, vault, 'vault', VAULT_PORT))).toEqual(vault);
    const trends: PerformanceTrends = {
      horizons: { '7d': { saturationScore: 40, opportunityScore: 60 }, '14d': null },
      revenueTrendPercent: -12.5,
      messageCount: 120,
    };
    expect(rightOf(decodeWith(PerformanceTrendsC, trends, 'trends', TRENDS_PORT))).toEqual(trends);
    const timing: BestTiming = {
      peakHours: [20, 21],
      avoidHours: [4],
      hourlyPerformance: { '20': 1, '0': 0.25 },
    };
    expect(rightOf(decodeWith(BestTimingC, timing, 'timing', TIMING_PORT))).toEqual(timing);
    const persona: Persona = {
      tone: 'bratty',
      emojiFrequency: 'high',
      slangLevel: 'light',
      favoriteEmojis: ['😈'],
      signaturePhrases: [],
    };
    expect(rightOf(decodeWith(PersonaC, persona, 'persona', PERSONA_PORT))).toEqual(persona);
  });

  it('decodes schedule inputs with and without options, with a number or string seed', () => {
    const a: ScheduleInputs = { creatorId: 'creator_001', weekStart: '2025-03-03', seed: 42 };
    const b: ScheduleInputs = {
      ...a,
      seed: 'spring',
      options: { allowNextDayFollowups: true, save: false },
    };
    expect(rightOf(decodeWith(ScheduleInputsC, a, '', 'invalid_input'))).toEqual(a);
    expect(rightOf(decodeWith(ScheduleInputsC, b, '', 'invalid_input'))).toEqual(b);
  });

  it('accepts optional creator fields absent', () => {
    const { displayName: _d, avgRevenuePerMessage: _a, ...bare } = creator;
    expect(rightOf(decodeWith(CreatorProfileC, bare, 'creator', PROFILE_PORT))).toEqual(bare);
    expect(
      rightOf(
        decodeWith(
          CreatorProfileC,
          { ...bare, avgRevenuePerMessage: 1.25 },
          'creator',
          PROFILE_PORT,
        ),
      ),
    ).toEqual({
      ...bare,
      avgRevenuePerMessage: 1.25,
    });
  });
});

describe('codecs: normalisation', () => {
  it.each(['ppv_message', 'ppv_video'])('maps the deprecated send type %s to ppv_unlock', (key) => {
    const decoded = rightOf(
      decodeWith(MassMessageC, { ...message, sendTypeKey: key }, 'history[0]', HISTORY_PORT),
    );
    expect(decoded.sendTypeKey).toBe('ppv_unlock');
  });

  it('refuses an unknown send type', () => {
    const [only, ...rest] = leftOf(
      decodeWith(MassMessageC, { ...message, sendTypeKey: 'ppv_text' }, 'history[3]', HISTORY_PORT),
    );
    expect(rest).toEqual([]);
    expect(only?.message).toBe('history[3].sendTypeKey: expected send type key, got "ppv_text"');
  });

  it("reads 004's rotation state 'active' as 'pattern_active', reported", () => {
    const r = readStoredRotationState(
      { ...rotation, currentState: 'active' },
      'creator_001',
      '2025-09-08',
    );
    expect(r.state?.currentState).toBe('pattern_active');
    expect(r.state?.paused).toBe(false);
    expect(r.issues.map((i) => i.code)).toEqual(['rotation_state_normalized']);
  });

  it("reads 004's 'paused' as pattern_active with the paused flag (RULINGS: never a decode failure)", () => {
    const r = readStoredRotationState(
      { ...rotation, currentState: 'paused' },
      'creator_001',
      '2025-09-08',
    );
    expect(r.state?.currentState).toBe('pattern_active');
    expect(r.state?.paused).toBe(true);
    expect(r.state?.pattern).toEqual(['solo', 'bundle', 'winner', 'sextape']);
    expect(r.issues.map((i) => i.code)).toEqual(['rotation_state_normalized']);
  });

  it('a stored pattern without each of the four styles once is unreadable and recovers (regression: one-style patterns broke the same-style rule)', () => {
    for (const pattern of [
      ['bundle'],
      ['solo', 'bundle', 'winner'],
      ['winner', 'winner', 'solo', 'bundle'],
    ]) {
      const r = readStoredRotationState({ ...rotation, pattern }, 'creator_001', '2025-09-08');
      expect(r.state?.currentState).toBe('error');
      expect(r.state?.pattern).toEqual([]);
      expect(r.state?.version).toBe(3);
      expect(r.issues.map((i) => i.code)).toEqual(['rotation_state_unreadable']);
      expect(JSON.stringify(r.issues[0]?.details)).toContain('each once');
    }
  });

  it('rewrites instants with an offset as UTC and refuses a local date-time', () => {
    const decoded = rightOf(
      decodeWith(
        MassMessageC,
        { ...message, sentAt: '2025-09-07T00:10:00-04:00' },
        'm',
        HISTORY_PORT,
      ),
    );
    expect(decoded.sentAt).toBe('2025-09-07T04:10:00.000Z');
    const issues = leftOf(
      decodeWith(MassMessageC, { ...message, sentAt: '2025-09-07 00:10' }, 'm', HISTORY_PORT),
    );
    expect(issues[0]?.message).toBe('m.sentAt: expected ISO 8601 instant, got "2025-09-07 00:10"');
  });
});

describe('codecs: errors name the path, the expectation and the value', () => {
  it('reports a caption score inside an array with the bracketed index', () => {
    const captions = Array.from({ length: 13 }, (_, i) => ({ ...caption, captionId: `c${i}` }));
    captions[12] = { ...caption, performanceScore: 'n/a' as unknown as number };
    const issues = leftOf(decodeWith(t.array(CaptionC), captions, 'captions', CAPTIONS_PORT));
    expect(issues).toEqual([
      {
        code: 'decode_error',
        severity: 'error',
        phase: 'ports',
        path: 'captions[12].performanceScore',
        message: 'captions[12].performanceScore: expected number in 0..100, got "n/a"',
        details: {
          port: 'getCaptionCandidates',
          expected: 'number in 0..100',
          received: '"n/a"',
        },
      },
    ]);
  });

  it('collects every failing field of a creator, one issue per path', () => {
    const bad = {
      creatorId: '',
      pageType: 'vip',
      fanCount: 10.5,
      timezone: 'Mars/Olympus',
      contentPageType: 'nude',
      subType: 'gfe',
      performanceTier: 7,
      avgRevenuePerMessage: -1,
    };
    const issues = leftOf(decodeWith(CreatorProfileC, bad, 'creator', PROFILE_PORT));
    expect(issues.map((i) => i.message)).toEqual([
      'creator.creatorId: expected non-empty string, got ""',
      'creator.pageType: expected "paid" | "free", got "vip"',
      'creator.fanCount: expected integer >= 0, got 10.5',
      'creator.timezone: expected IANA time zone, got "Mars/Olympus"',
      'creator.performanceTier: expected integer in 1..5, got 7',
      'creator.avgRevenuePerMessage: expected number >= 0 | null, got -1',
    ]);
    expect(
      issues.every(
        (i) => i.code === 'decode_error' && i.severity === 'error' && i.phase === 'ports',
      ),
    ).toBe(true);
  });

  it('names missing fields and whole wrong values', () => {
    const { timezone: _tz, ...noZone } = creator;
    expect(
      leftOf(decodeWith(CreatorProfileC, noZone, 'creator', PROFILE_PORT)).map((i) => i.message),
    ).toEqual(['creator.timezone: expected IANA time zone, got undefined']);
    const [whole] = leftOf(decodeWith(CreatorProfileC, 42, 'creator', PROFILE_PORT));
    expect(whole?.path).toBe('creator');
    expect(whole?.message).toBe('creator: expected CreatorProfile, got 42');
    const [root] = leftOf(decodeWith(ScheduleInputsC, null, '', 'invalid_input'));
    expect(root?.path).toBeNull();
    expect(root?.message).toBe('(root): expected ScheduleInputs, got null');
  });

  it('checks schedule inputs: real dates, finite seeds, boolean options', () => {
    const issues = leftOf(
      decodeWith(
        ScheduleInputsC,
        { creatorId: ' ', weekStart: '2025-02-30', seed: Number.NaN, options: { save: 'yes' } },
        '',
        'invalid_input',
      ),
    );
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['creatorId', 'creatorId: expected non-empty string, got " "'],
      ['weekStart', 'weekStart: expected YYYY-MM-DD date, got "2025-02-30"'],
      ['seed', 'seed: expected finite number or non-empty string, got NaN'],
      ['options.save', 'options.save: expected boolean, got "yes"'],
    ]);
    expect(issues.every((i) => i.code === 'invalid_input' && i.phase === 'input')).toBe(true);
  });

  it('checks message counts, prices and instants', () => {
    const bad = {
      ...message,
      price: -5,
      sent: -1,
      viewed: 1.5,
      purchased: '3',
      earnings: Number.POSITIVE_INFINITY,
      sentAt: 'yesterday',
    };
    expect(
      leftOf(decodeWith(MassMessageC, bad, 'history[7]', HISTORY_PORT)).map((i) => i.message),
    ).toEqual([
      'history[7].sentAt: expected ISO 8601 instant, got "yesterday"',
      'history[7].price: expected number >= 0 | null, got -5',
      'history[7].sent: expected integer >= 0, got -1',
      'history[7].viewed: expected integer >= 0, got 1.5',
      'history[7].purchased: expected integer >= 0, got "3"',
      'history[7].earnings: expected number >= 0, got Infinity',
    ]);
  });

  it('checks rotation state, timing hours and vault counts', () => {
    expect(
      leftOf(
        decodeWith(
          CreatorRotationStateC,
          { ...rotation, pattern: ['solo', 'duo'], patternStartDate: '2025-13-01' },
          'rotationState',
          ROTATION_PORT,
        ),
      ).map((i) => i.message),
    ).toEqual([
      'rotationState.pattern[1]: expected "solo" | "bundle" | "winner" | "sextape", got "duo"',
      'rotationState.patternStartDate: expected YYYY-MM-DD date, got "2025-13-01"',
    ]);
    expect(
      leftOf(
        decodeWith(
          BestTimingC,
          { peakHours: [24], avoidHours: [], hourlyPerformance: { '25': 0.5, '3': 2 } },
          'timing',
          TIMING_PORT,
        ),
      ).map((i) => i.message),
    ).toEqual([
      'timing.peakHours[0]: expected integer in 0..23, got 24',
      'timing.hourlyPerformance.3: expected number in 0..1, got 2',
      'timing.hourlyPerformance.25: expected hour key "0".."23", got "25"',
    ]);
    expect(
      leftOf(
        decodeWith(
          VaultC,
          { contentTypes: { solo: -2 }, media: { video: 1, picture: 1 }, flyers: 0 },
          'vault',
          VAULT_PORT,
        ),
      ).map((i) => i.message),
    ).toEqual([
      'vault.contentTypes.solo: expected integer >= 0, got -2',
      'vault.media.gif: expected integer >= 0, got undefined',
    ]);
  });

  it('reports errors deep inside a nullable horizon and a dataset record', () => {
    const dataset = {
      creators: [creator],
      history: [],
      captions: [],
      trends: {
        creator_001: {
          horizons: { '7d': { saturationScore: 101, opportunityScore: 3 } },
          revenueTrendPercent: -150,
          messageCount: 1,
        },
      },
    };
    expect(
      leftOf(decodeWith(InMemoryDatasetC, dataset, 'dataset', DATASET)).map((i) => i.message),
    ).toEqual([
      'dataset.trends.creator_001.horizons.7d.saturationScore: expected number in 0..100, got 101',
      'dataset.trends.creator_001.revenueTrendPercent: expected number >= -100 | null, got -150',
    ]);
  });

  it('truncates the received value to 60 characters', () => {
    const long = 'x'.repeat(200);
    const [only] = leftOf(
      decodeWith(CaptionC, { ...caption, captionType: long }, 'caption', CAPTIONS_PORT),
    );
    expect(only?.details.received).toHaveLength(60);
    expect(only?.message).toBe(
      `caption.captionType: expected caption type, got "${'x'.repeat(58)}…`,
    );
  });

  it('deduplicates issues by path', () => {
    const issues = leftOf(
      decodeWith(
        t.array(CaptionC),
        [1, { ...caption, useCount: -1, globalUseCount: -1 }],
        'captions',
        CAPTIONS_PORT,
      ),
    );
    const paths = issues.map((i) => i.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(['captions[0]', 'captions[1].useCount', 'captions[1].globalUseCount']);
  });
});

describe('codecs: properties', () => {
  it('any valid CreatorProfile decodes to itself', () => {
    fc.assert(
      fc.property(creatorProfileArb(), (p) => {
        expect(rightOf(decodeWith(CreatorProfileC, p, 'creator', PROFILE_PORT))).toEqual(p);
      }),
      { numRuns: 200 },
    );
  });

  it('any valid MassMessage decodes to itself', () => {
    const arb = fc
      .tuple(weekStartArb, fc.integer({ min: 1, max: 90 }))
      .chain(([weekStart, days]) => massMessageArb('creator_x', weekStart, days));
    fc.assert(
      fc.property(arb, (m) => {
        expect(rightOf(decodeWith(MassMessageC, m, 'history[0]', HISTORY_PORT))).toEqual(m);
      }),
      { numRuns: 200 },
    );
  });

  it('a non-finite or negative count anywhere in a message is one issue at that path', () => {
    const fields = ['sent', 'viewed', 'purchased'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...fields),
        fc.oneof(
          fc.integer({ max: -1 }),
          fc.constant(Number.NaN),
          fc.double({ min: 0.1, max: 1e6, noNaN: true }).filter((x) => !Number.isInteger(x)),
        ),
        (field, bad) => {
          const issues = leftOf(
            decodeWith(MassMessageC, { ...message, [field]: bad }, 'm', HISTORY_PORT),
          );
          expect(issues.map((i) => i.path)).toEqual([`m.${field}`]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
