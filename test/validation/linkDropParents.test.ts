/**
 * `checkLinkDropParents` (seed 003 task 2.4; docs/rulings.md "Timing" link drop parent): a link
 * drop that names a parent promotes a revenue send of the week sent before it and less than 24
 * hours earlier. The good week of `fixtures.ts`: on its first date the link drop `_3` (14:46)
 * follows the bundle `_2` (12:16); on its third date the link drop `_7` is at 22:18.
 */
import { describe, expect, it } from 'vitest';
import { checkLinkDropParents, type Issue, validateSchedule } from '../../src/index';
import { goodInput, goodItems, WEEK } from './fixtures';

const D0 = WEEK[0] as string;
const D1 = WEEK[1] as string;
const D2 = WEEK[2] as string;

/** The good week with the link drop `slotId` naming `parentItemId`. */
const linking = (slotId: string, parentItemId: string) =>
  goodInput({
    items: goodItems().map((i) => (i.slotId === slotId ? { ...i, parentItemId } : i)),
  });

const reasons = (out: ReadonlyArray<Issue>) =>
  out.map((i) => [i.code, i.severity, i.details.reason, i.path]);

describe('checkLinkDropParents', () => {
  it('accepts a link drop without a parent and one promoting a campaign sent 2.5 hours before', () => {
    expect(checkLinkDropParents(goodInput())).toEqual([]);
    expect(checkLinkDropParents(linking(`${D0}_3`, `${D0}_2`))).toEqual([]);
  });

  it('names the parent that is missing, not a campaign, not earlier, or 24 hours or more earlier', () => {
    expect(reasons(checkLinkDropParents(linking(`${D0}_3`, 'nope')))).toEqual([
      ['invalid_link_drop_parent', 'error', 'missing', 'items[2].parentItemId'],
    ]);
    expect(reasons(checkLinkDropParents(linking(`${D0}_3`, `${D0}_1`)))).toEqual([
      ['invalid_link_drop_parent', 'error', 'not_campaign', 'items[2].parentItemId'],
    ]);
    expect(reasons(checkLinkDropParents(linking(`${D0}_3`, `${D0}_6_followup`)))).toEqual([
      ['invalid_link_drop_parent', 'error', 'not_campaign', 'items[2].parentItemId'],
    ]);
    expect(reasons(checkLinkDropParents(linking(`${D0}_3`, `${D0}_5`)))).toEqual([
      ['invalid_link_drop_parent', 'error', 'not_before', 'items[2].parentItemId'],
    ]);
    // the flash bundle of the second date at 12:17, 34 hours before the 22:18 link drop
    const old = checkLinkDropParents(linking(`${D2}_7`, `${D1}_2`));
    expect(old.map((i) => i.details.reason)).toEqual(['too_old']);
    expect(old[0]?.details).toMatchObject({ parentSendTypeKey: 'flash_bundle', lookbackHours: 24 });
    expect(old[0]?.message).toContain('24 hours or more before it');
  });

  it('is an error of the report: the week no longer passes', () => {
    const report = validateSchedule(linking(`${D0}_3`, `${D0}_5`));
    expect(report.errors.map((e) => e.code)).toEqual(['invalid_link_drop_parent']);
    expect(report.passedChecks).not.toContain('linkDropParents');
    expect(['needs_review', 'failed']).toContain(report.status);
  });
});
