/**
 * Regression, issue 6 "Why" 4c: `inMemoryPorts` never decoded its dataset: duplicate creator or
 * caption ids silently let the last record win, unparseable history rows disappeared, duplicated
 * rows counted twice.
 *
 * Now the dataset is decoded once when the ports are built: each of those is a `DECODE_FAILED`
 * build naming the path (both paths for a duplicate: the issue's `path` and
 * `details.firstPath`), whatever creator the build is for.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { type InMemoryDataset, inMemoryPorts } from '../../src/index';
import { datasetFixture } from '../pipeline/fixtures';
import { richCreator, runBuild, WEEK } from '../support/trustData';

const GOOD = datasetFixture(richCreator, WEEK);
const INPUTS = { creatorId: richCreator.creatorId, weekStart: WEEK, seed: 9 };

const decodeIssues = async (dataset: unknown) => {
  const r = await runBuild(INPUTS, inMemoryPorts(dataset as InMemoryDataset));
  expect(E.isLeft(r)).toBe(true);
  if (E.isRight(r)) return [];
  expect(r.left.code).toBe('DECODE_FAILED');
  return r.left.issues.map((i) => [i.code, i.path, i.details.firstPath ?? null] as const);
};

describe('regression: inMemoryPorts decodes its dataset (duplicates, bad instants, unknown types)', () => {
  it('the dataset untouched builds a week', async () => {
    expect(E.isRight(await runBuild(INPUTS, inMemoryPorts(GOOD)))).toBe(true);
  });

  it('a duplicate creator id (the last record no longer wins): both paths', async () => {
    expect(
      await decodeIssues({ ...GOOD, creators: [richCreator, { ...richCreator, fanCount: 12 }] }),
    ).toEqual([
      ['duplicate_record', 'dataset.creators[1].creatorId', 'dataset.creators[0].creatorId'],
    ]);
  });

  it('a duplicate caption id: both paths', async () => {
    const captions = [...GOOD.captions, { ...GOOD.captions[4]!, text: 'a different text' }];
    expect(await decodeIssues({ ...GOOD, captions })).toEqual([
      [
        'duplicate_record',
        `dataset.captions[${GOOD.captions.length}].captionId`,
        'dataset.captions[4].captionId',
      ],
    ]);
  });

  it('a duplicated history row (no longer counted twice), also when its instant is written another way', async () => {
    const row = GOOD.history[10]!;
    const n = GOOD.history.length;
    expect(await decodeIssues({ ...GOOD, history: [...GOOD.history, { ...row }] })).toEqual([
      ['duplicate_record', `dataset.history[${n}]`, 'dataset.history[10]'],
    ]);
    const sameInstant = row.sentAt.replace('.000Z', 'Z');
    expect(sameInstant).not.toBe(row.sentAt);
    expect(
      await decodeIssues({ ...GOOD, history: [...GOOD.history, { ...row, sentAt: sameInstant }] }),
    ).toEqual([['duplicate_record', `dataset.history[${n}]`, 'dataset.history[10]']]);
  });

  it('an unparseable instant (the row no longer disappears)', async () => {
    const history = GOOD.history.map((h, i) => (i === 7 ? { ...h, sentAt: 'last Tuesday' } : h));
    expect(await decodeIssues({ ...GOOD, history })).toEqual([
      ['decode_error', 'dataset.history[7].sentAt', null],
    ]);
  });

  it('an unknown caption type', async () => {
    const captions = GOOD.captions.map((c, i) =>
      i === 2 ? { ...c, captionType: 'ppv_offerr' } : c,
    );
    expect(await decodeIssues({ ...GOOD, captions })).toEqual([
      ['decode_error', 'dataset.captions[2].captionType', null],
    ]);
  });

  it('a build for another creator of the same dataset fails the same way', async () => {
    const dataset = { ...GOOD, creators: [richCreator, { ...richCreator }] };
    const r = await runBuild({ ...INPUTS, creatorId: 'someone_else' }, inMemoryPorts(dataset));
    expect(E.isLeft(r) && r.left.code).toBe('DECODE_FAILED');
  });

  it('every decode problem at once', async () => {
    const found = await decodeIssues({
      ...GOOD,
      history: GOOD.history.map((h, i) => (i === 3 ? { ...h, sentAt: '2025-01-20 10:00' } : h)),
      captions: GOOD.captions.map((c, i) => (i === 0 ? { ...c, captionType: 'nope' } : c)),
      creators: [{ ...richCreator, timezone: 'Mars/Olympus_Mons' }],
    });
    expect(found.map(([, p]) => p).sort()).toEqual([
      'dataset.captions[0].captionType',
      'dataset.creators[0].timezone',
      'dataset.history[3].sentAt',
    ]);
  });

  // Found by this suite, fixed in 308ca04: duplicates were looked for only once every record
  // decoded, so the duplicate showed up only after the caller fixed the history row.
  it('decode errors and duplicates are reported together', async () => {
    const found = await decodeIssues({
      ...GOOD,
      creators: [richCreator, richCreator],
      history: GOOD.history.map((h, i) => (i === 3 ? { ...h, sentAt: 'last Tuesday' } : h)),
    });
    expect(found.map(([, p]) => p).sort()).toEqual([
      'dataset.creators[1].creatorId',
      'dataset.history[3].sentAt',
    ]);
  });

  // Found by this suite, fixed in 308ca04: V8's Date.parse rolls impossible days over
  // (2025-02-30T10:00:00Z parsed as 2025-03-02), so such a row was silently moved to another day.
  it('an impossible calendar date in an instant is a decode_error, not another day', async () => {
    for (const sentAt of ['2025-02-30T10:00:00Z', '2025-04-31T00:00:00Z', '2025-01-20T24:00:00Z']) {
      const history = GOOD.history.map((h, i) => (i === 7 ? { ...h, sentAt } : h));
      expect(await decodeIssues({ ...GOOD, history })).toEqual([
        ['decode_error', 'dataset.history[7].sentAt', null],
      ]);
    }
  });
});
