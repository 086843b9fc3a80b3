/**
 * Properties of the importer over random creator exports and settings: the order of the rows
 * changes no creator's profile and no reported default, and every creator gets exactly one
 * assumed default per field its row and its own settings leave open (from the settings'
 * defaults when they give it, else built in). Expected values are the test's own literals.
 */
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { type AgencyImport, importAgencyExport } from '../../src/import/index';
import { fuzzRuns } from '../support/junk';

const HEADER =
  'creator_id,snapshot_tz,subscription_net,recurring_subscriptions_net,renew_on_percent,active_fans';

interface Row {
  readonly id: string;
  readonly tz: string;
  readonly subs: string;
  readonly recurring: string;
  readonly renew: string;
  readonly fans: string;
}

const VALID_ZONES = ['America/New_York', 'Europe/Paris', 'UTC'];
const zoneText = fc.constantFrom(...VALID_ZONES, '', 'Bad/Zone', 'nowhere');
const numberText = fc.oneof(
  fc.constantFrom('', '0', '0.0', 'n/a', '-3', '12.5'),
  fc.nat({ max: 5000 }).map(String),
);
const rowsArb: fc.Arbitrary<ReadonlyArray<Row>> = fc
  .uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 12 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((n) =>
        fc.record({
          id: fc.constant(`c${n}`),
          tz: zoneText,
          subs: numberText,
          recurring: numberText,
          renew: numberText,
          fans: numberText,
        }),
      ),
    ),
  );

const creatorSettingsArb = fc.record(
  {
    timezone: fc.constantFrom('Asia/Tokyo', 'Europe/London'),
    contentPageType: fc.constantFrom('nude', 'non_nude', 'porno'),
    subType: fc.constantFrom('gfe', 'commercial', 'personalized'),
    performanceTier: fc.integer({ min: 1, max: 5 }),
    pageType: fc.constantFrom('paid', 'free'),
  },
  { requiredKeys: [] },
);

type Fields = Record<string, string | number>;

const csvOf = (rows: ReadonlyArray<Row>): string =>
  [HEADER, ...rows.map((r) => [r.id, r.tz, r.subs, r.recurring, r.renew, r.fans].join(','))].join(
    '\n',
  );

const run = (rows: ReadonlyArray<Row>, settings: unknown): AgencyImport => {
  const r = importAgencyExport({ 'creator_stats_week.csv': csvOf(rows) }, settings);
  if (E.isLeft(r)) throw new Error(r.left.message);
  return r.right;
};

const num = (s: string): number | null => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : null);

/** The fields the row itself gives (the test's own reading of the export). */
const fromRow = (r: Row): ReadonlySet<string> => {
  const out = new Set<string>();
  if (VALID_ZONES.includes(r.tz)) out.add('timezone');
  const signals = [r.subs, r.recurring, r.renew].map(num);
  if (signals.some((n) => n !== null && n > 0) || signals.every((n) => n !== null))
    out.add('pageType');
  const fans = num(r.fans);
  if (fans !== null && fans >= 0) out.add('fanCount');
  return out;
};

const BUILT_IN: Fields = {
  timezone: 'America/New_York',
  contentPageType: 'nude',
  subType: 'gfe',
  performanceTier: 3,
  pageType: 'free',
  fanCount: 0,
};
const FIELDS = Object.keys(BUILT_IN);

describe('importAgencyExport properties', () => {
  it('the order of the rows changes no profile and no reported default', () => {
    fc.assert(
      fc.property(
        rowsArb.chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc.shuffledSubarray([...rows], { minLength: rows.length, maxLength: rows.length }),
          ),
        ),
        fc.record({ defaults: creatorSettingsArb }, { requiredKeys: [] }),
        ([rows, shuffled], settings) => {
          const a = run(rows, settings);
          const b = run(shuffled, settings);
          const byId = (imp: AgencyImport) =>
            Object.fromEntries(imp.dataset.creators.map((c) => [c.creatorId, c]));
          expect(byId(b)).toEqual(byId(a));
          const defaultsOf = (imp: AgencyImport, id: string) =>
            imp.defaults.filter((d) => d.creatorId === id);
          for (const r of rows) expect(defaultsOf(b, r.id)).toEqual(defaultsOf(a, r.id));
        },
      ),
      fuzzRuns(70101, 150),
    );
  });

  it('exactly one assumed default per field neither the row nor its own settings give', () => {
    fc.assert(
      fc.property(
        rowsArb,
        creatorSettingsArb,
        fc.array(creatorSettingsArb, { maxLength: 12 }),
        (rows, agencyDefaults, perCreator) => {
          const creators = Object.fromEntries(
            rows.flatMap((r, i) => (perCreator[i] !== undefined ? [[r.id, perCreator[i]]] : [])),
          );
          const imp = run(rows, { defaults: agencyDefaults, creators });
          const agency = agencyDefaults as Fields;
          for (const row of rows) {
            const own = (creators[row.id] ?? {}) as Fields;
            const given = fromRow(row);
            const expected = FIELDS.filter((f) => !(f in own) && !given.has(f)).map((f) =>
              f !== 'fanCount' && f in agency
                ? { creatorId: row.id, field: f, value: agency[f], source: 'settings_default' }
                : { creatorId: row.id, field: f, value: BUILT_IN[f], source: 'built_in_default' },
            );
            const got = imp.defaults.filter((d) => d.creatorId === row.id);
            const order = (xs: ReadonlyArray<{ field: string }>) =>
              [...xs].sort((x, y) => x.field.localeCompare(y.field));
            expect(order(got)).toEqual(order(expected));
            const profile = imp.dataset.creators.find((c) => c.creatorId === row.id) as
              | Record<string, unknown>
              | undefined;
            for (const f of FIELDS) if (f in own) expect(profile?.[f]).toBe(own[f]);
          }
        },
      ),
      fuzzRuns(70102, 150),
    );
  });
});
