/**
 * The creators of `creator_stats_week.csv`, with every profile field the export lacks taken
 * from the settings or the built-in defaults, and reported.
 *
 * Where each field comes from, first that gives a value:
 *
 * | field | 1 | 2 | 3 | 4 |
 * |---|---|---|---|---|
 * | `pageType` | per-creator setting | row: `paid` when subscription, recurring subscription or renew-on % > 0, `free` when all three read 0 | settings `defaults` | built-in |
 * | `timezone` | per-creator setting | row: `snapshot_tz` when an IANA zone | settings `defaults` | built-in |
 * | `contentPageType`, `subType`, `performanceTier` | per-creator setting | (not in the export) | settings `defaults` | built-in |
 * | `fanCount` | row: `active_fans` (rounded) | | | built-in |
 *
 * Steps 3 and 4 are reported as `AssumedDefault`s. Nothing depends on the row's position: a
 * creator's profile is a function of its own row and the settings.
 *
 * Source: seed 001 phase 1 "load" (1.1: page type, tier, fan count); seed 000 task 3.1;
 * `../shared/real-data/README.md` (`creator_stats_week.csv`).
 *
 * @internal
 * @module
 */
import type { PageType } from '../domain/catalog';
import { isTimeZone } from '../domain/time';
import type { CreatorProfile } from '../domain/types';
import type { CsvTable } from './csv';
import { readNumber } from './fields';
import { type AgencySettings, BUILT_IN_DEFAULTS, type CreatorSettings } from './settings';
import type { AssumedDefault, AssumedField, RowIssue } from './types';

const FILE = 'creator_stats_week.csv';

/** The columns whose positive value makes a page `paid` (a subscription price or renew-on fans). */
const PAID_SIGNALS: ReadonlyArray<string> = Object.freeze([
  'subscription_net',
  'recurring_subscriptions_net',
  'renew_on_percent',
]);

/** The creators, the defaults assumed for them and the row issues of the file. */
export interface ReadCreators {
  readonly creators: ReadonlyArray<CreatorProfile>;
  readonly defaults: ReadonlyArray<AssumedDefault>;
  readonly issues: ReadonlyArray<RowIssue>;
}

type SettingsField = keyof CreatorSettings;

/**
 * Reads the creators of `table` (the parsed `creator_stats_week.csv`) with `settings`.
 */
export const readCreators = (table: CsvTable, settings: AgencySettings): ReadCreators => {
  const creators: CreatorProfile[] = [];
  const defaults: AssumedDefault[] = [];
  const issues: RowIssue[] = [];
  const firstLine = new Map<string, number>();
  const agency: CreatorSettings = settings.defaults ?? {};
  const perCreator = settings.creators ?? {};

  for (const { line, fields } of table.rows) {
    const bad = (column: string, message: string): void => {
      issues.push({ file: FILE, line, column, message, value: fields[column] ?? null });
    };
    const creatorId = (fields.creator_id ?? '').trim();
    if (creatorId === '') {
      bad('creator_id', 'blank creator id: row skipped');
      continue;
    }
    const seenAt = firstLine.get(creatorId);
    if (seenAt !== undefined) {
      bad('creator_id', `creator ${creatorId} already read at line ${seenAt}: row skipped`);
      continue;
    }
    firstLine.set(creatorId, line);
    const own: CreatorSettings = Object.hasOwn(perCreator, creatorId)
      ? (perCreator[creatorId] as CreatorSettings)
      : {};

    /** The value of `field`: per-creator setting, else the row's, else the defaults (reported). */
    const resolve = <K extends SettingsField>(
      field: K,
      fromRow: NonNullable<CreatorSettings[K]> | null,
    ): NonNullable<CreatorSettings[K]> => {
      const mine = own[field];
      if (mine !== undefined) return mine as NonNullable<CreatorSettings[K]>;
      if (fromRow !== null) return fromRow;
      const theirs = agency[field];
      const value = (theirs ?? BUILT_IN_DEFAULTS[field]) as NonNullable<CreatorSettings[K]>;
      defaults.push({
        creatorId,
        field: field as AssumedField,
        value: value as string | number,
        source: theirs !== undefined ? 'settings_default' : 'built_in_default',
      });
      return value;
    };

    // pageType from the row: paid on any positive signal, free when every signal reads <= 0.
    let paid = false;
    let allRead = true;
    for (const column of PAID_SIGNALS) {
      const r = readNumber(fields[column]);
      if (r.kind === 'ok') paid ||= r.value > 0;
      else {
        allRead = false;
        if (r.kind === 'bad') bad(column, 'not a number: not used for the page type');
      }
    }
    const rowPageType: PageType | null = paid ? 'paid' : allRead ? 'free' : null;

    const zone = (fields.snapshot_tz ?? '').trim();
    const zoneOk = zone !== '' && isTimeZone(zone);
    if (zone !== '' && !zoneOk) bad('snapshot_tz', 'not an IANA time zone: not used');

    const fans = readNumber(fields.active_fans);
    const fansOk = fans.kind === 'ok' && fans.value >= 0;
    if (fans.kind === 'bad') bad('active_fans', 'not a number: fan count defaulted');
    else if (fans.kind === 'ok' && !fansOk) bad('active_fans', 'negative: fan count defaulted');

    const pageType = resolve('pageType', rowPageType);
    const timezone = resolve('timezone', zoneOk ? zone : null);
    const contentPageType = resolve('contentPageType', null);
    const subType = resolve('subType', null);
    const performanceTier = resolve('performanceTier', null);
    const fanCount =
      fans.kind === 'ok' && fansOk ? Math.round(fans.value) : BUILT_IN_DEFAULTS.fanCount;
    if (!fansOk)
      defaults.push({ creatorId, field: 'fanCount', value: fanCount, source: 'built_in_default' });
    creators.push({
      creatorId,
      displayName: creatorId,
      pageType,
      fanCount,
      timezone,
      contentPageType,
      subType,
      performanceTier,
    });
  }
  return { creators, defaults, issues };
};
