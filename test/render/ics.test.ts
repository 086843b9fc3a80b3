/**
 * `toIcs`: RFC 5545 output read back with ical.js. Every event starts at its item's instant (in
 * the zone with its VTIMEZONE, and in UTC), across daylight-saving weeks; UIDs are stable;
 * follow-ups point at their parent; long emoji captions fold at 75 octets. Own literals only.
 */
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScheduleItem, ScheduleResult } from '../../src/index';
import { escapeIcsText, foldIcsLine, icsUid, toIcs } from '../../src/render/ics';
import { demoWeek } from './zonedWeeks';

interface Parsed {
  readonly calendar: ICAL.Component;
  readonly events: ReadonlyArray<ICAL.Event>;
}

const parseIcs = (ics: string): Parsed => {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { calendar, events };
};

const physicalLines = (ics: string): string[] => ics.split('\r\n').slice(0, -1);
const unfold = (ics: string): string[] =>
  ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .slice(0, -1);
const octets = (s: string): number => Buffer.byteLength(s, 'utf8');
const startIso = (e: ICAL.Event): string => e.startDate.toJSDate().toISOString();

/** The zone's offset at an instant, in minutes, from Intl (independent of the renderer). */
const intlOffset = (zone: string, iso: string): number => {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(iso))
    .find((p) => p.type === 'timeZoneName')?.value as string;
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m === null ? 0 : (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
};

const weeks: Record<string, ScheduleResult> = {};
beforeAll(async () => {
  weeks.nyMarch = await demoWeek('creator_01', '2025-03-03', 1, 'America/New_York');
  weeks.nyNovember = await demoWeek('creator_02', '2025-10-27', 2, 'America/New_York');
  weeks.kolkata = await demoWeek('creator_05', '2025-03-03', 3, 'Asia/Kolkata');
  weeks.lordHowe = await demoWeek('creator_08', '2025-03-31', 4, 'Australia/Lord_Howe');
  weeks.london = await demoWeek('creator_11', '2025-03-24', 5, 'Europe/London');
});

describe('toIcs: the calendar', () => {
  it('has the VCALENDAR properties, CRLF line ends and one VEVENT per item', () => {
    const w = weeks.nyMarch as ScheduleResult;
    const ics = toIcs(w);
    const lines = unfold(ics);
    expect(lines.slice(0, 5)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//eros-schedule//Weekly schedule//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
    ]);
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const { calendar, events } = parseIcs(ics);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(events).toHaveLength(w.items.length);
    expect(w.items.length).toBeGreaterThan(30);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(w.items.length);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(
      'Demo Creator 01: week of 2025-03-03',
    );
    // ical.js does not know RFC 7986 NAME (it keeps the escapes): the line itself.
    expect(unfold(toIcs(w, { calendarName: 'Ava, week 10' }))).toContain('NAME:Ava\\, week 10');
  });

  it('states a deterministic DTSTAMP: the week start at midnight UTC, or the one given', () => {
    const w = weeks.nyMarch as ScheduleResult;
    const stamps = new Set(unfold(toIcs(w)).filter((l) => l.startsWith('DTSTAMP')));
    expect([...stamps]).toEqual(['DTSTAMP:20250303T000000Z']);
    const given = new Set(
      unfold(toIcs(w, { dtstamp: '2025-02-28T17:45:12.345Z' })).filter((l) =>
        l.startsWith('DTSTAMP'),
      ),
    );
    expect([...given]).toEqual(['DTSTAMP:20250228T174512Z']);
    expect(toIcs(w)).toBe(toIcs(w));
  });
});

describe('toIcs: start instants', () => {
  const cases = [
    ['nyMarch', 'America/New_York'],
    ['nyNovember', 'America/New_York'],
    ['kolkata', 'Asia/Kolkata'],
    ['lordHowe', 'Australia/Lord_Howe'],
    ['london', 'Europe/London'],
  ] as const;

  for (const [key, zone] of cases) {
    it(`every event starts at its item's scheduledAt in ${zone} (${key}), TZID and UTC`, () => {
      const w = weeks[key] as ScheduleResult;
      expect(w.creator.timezone).toBe(zone);
      const zoned = toIcs(w);
      const { events } = parseIcs(zoned);
      expect(events.map(startIso)).toEqual(w.items.map((i) => i.scheduledAt));
      for (const e of events) expect(e.startDate.zone?.tzid).toBe(zone);
      const starts = unfold(zoned).filter((l) => l.startsWith('DTSTART;'));
      expect(starts).toHaveLength(w.items.length);
      for (const l of starts) expect(l).toMatch(new RegExp(`^DTSTART;TZID=${zone}:\\d{8}T\\d{6}$`));

      const utc = toIcs(w, { utc: true });
      expect(utc).not.toContain('VTIMEZONE');
      expect(utc).not.toContain('TZID');
      const u = parseIcs(utc).events;
      expect(u.map(startIso)).toEqual(w.items.map((i) => i.scheduledAt));
      for (const l of unfold(utc).filter((x) => x.startsWith('DTSTART')))
        expect(l).toMatch(/^DTSTART:\d{8}T\d{6}Z$/);
      for (const e of events) expect(e.duration.toString()).toBe('PT15M');
    });
  }

  it('the March New York week crosses the change to daylight time on Sunday 2025-03-09', () => {
    const w = weeks.nyMarch as ScheduleResult;
    const sunday = w.items.filter((i) => i.scheduledDate === '2025-03-09');
    const monday = w.items.filter((i) => i.scheduledDate === '2025-03-03');
    expect(sunday.length).toBeGreaterThan(0);
    for (const i of sunday) expect(intlOffset('America/New_York', i.scheduledAt)).toBe(-240);
    for (const i of monday) expect(intlOffset('America/New_York', i.scheduledAt)).toBe(-300);
    // The local wall time written is the item's local time.
    const lines = unfold(toIcs(w)).filter((l) => l.startsWith('DTSTART;'));
    w.items.forEach((item, k) => {
      const wall = `${item.scheduledDate.replaceAll('-', '')}T${item.scheduledTime.replaceAll(':', '')}`;
      expect(lines[k]).toBe(`DTSTART;TZID=America/New_York:${wall}`);
    });
  });

  it('the New York VTIMEZONE has the actual 2025 changes', () => {
    const blocks = (ics: string) =>
      unfold(ics)
        .join('\n')
        .match(/BEGIN:(STANDARD|DAYLIGHT)\n[\s\S]*?END:\1/g) ?? [];
    const ny = blocks(toIcs(weeks.nyMarch as ScheduleResult));
    expect(ny).toContain(
      'BEGIN:DAYLIGHT\nDTSTART:20250309T020000\nTZOFFSETFROM:-0500\nTZOFFSETTO:-0400\nEND:DAYLIGHT',
    );
    expect(ny).toContain(
      'BEGIN:STANDARD\nDTSTART:20251102T020000\nTZOFFSETFROM:-0400\nTZOFFSETTO:-0500\nEND:STANDARD',
    );
    const kolkata = blocks(toIcs(weeks.kolkata as ScheduleResult));
    expect(kolkata).toHaveLength(1);
    expect(kolkata[0]).toMatch(
      /^BEGIN:STANDARD\nDTSTART:\d{8}T\d{6}\nTZOFFSETFROM:\+0530\nTZOFFSETTO:\+0530\nEND:STANDARD$/,
    );
    const lordHowe = blocks(toIcs(weeks.lordHowe as ScheduleResult));
    expect(lordHowe).toContain(
      'BEGIN:STANDARD\nDTSTART:20250406T020000\nTZOFFSETFROM:+1100\nTZOFFSETTO:+1030\nEND:STANDARD',
    );
    expect(lordHowe).toContain(
      'BEGIN:DAYLIGHT\nDTSTART:20251005T020000\nTZOFFSETFROM:+1030\nTZOFFSETTO:+1100\nEND:DAYLIGHT',
    );
  });

  it('writes both 01:30 of the repeated hour of 2025-11-02 in UTC, 00:30 and 02:30 with TZID', () => {
    const w = weeks.nyNovember as ScheduleResult;
    const base = w.items[0] as ScheduleItem;
    const first = {
      ...base,
      slotId: '2025-11-02_90',
      scheduledDate: '2025-11-02',
      scheduledTime: '01:30:00',
      scheduledAt: '2025-11-02T05:30:00.000Z',
    };
    const second = { ...first, slotId: '2025-11-02_91', scheduledAt: '2025-11-02T06:30:00.000Z' };
    const before = {
      ...first,
      slotId: '2025-11-02_89',
      scheduledTime: '00:30:00',
      scheduledAt: '2025-11-02T04:30:00.000Z',
    };
    const after = {
      ...first,
      slotId: '2025-11-02_92',
      scheduledTime: '02:30:00',
      scheduledAt: '2025-11-02T07:30:00.000Z',
    };
    const ics = toIcs({ ...w, items: [before, first, second, after] });
    const lines = unfold(ics);
    const starts = lines
      .slice(lines.indexOf('BEGIN:VEVENT'))
      .filter((l) => l.startsWith('DTSTART'));
    expect(starts).toEqual([
      'DTSTART;TZID=America/New_York:20251102T003000',
      'DTSTART:20251102T053000Z',
      'DTSTART:20251102T063000Z',
      'DTSTART;TZID=America/New_York:20251102T023000',
    ]);
    expect(parseIcs(ics).events.map(startIso)).toEqual(
      [before, first, second, after].map((i) => i.scheduledAt),
    );
  });
});

describe('toIcs: events', () => {
  it('gives unique UIDs, identical across two runs and two builds', async () => {
    const w = weeks.nyMarch as ScheduleResult;
    const uids = (r: ScheduleResult) => parseIcs(toIcs(r)).events.map((e) => e.uid);
    const a = uids(w);
    expect(new Set(a).size).toBe(w.items.length);
    for (const u of a)
      expect(u).toMatch(/^2025-03-\d{2}_\d+(_followup)?\.creator_01@eros-schedule$/);
    expect(uids(w)).toEqual(a);
    expect(uids(await demoWeek('creator_01', '2025-03-03', 1, 'America/New_York'))).toEqual(a);
    expect(icsUid('2025-03-03_1', 'creator_01')).toBe('2025-03-03_1.creator_01@eros-schedule');
    expect(icsUid('a.b', 'c')).not.toBe(icsUid('a', 'b.c'));
    expect(icsUid('s', 'ana maría;x')).toBe('s.ana%20mar%C3%ADa%3Bx@eros-schedule');
  });

  it("points each follow-up's RELATED-TO at its parent's UID", () => {
    const w = weeks.nyMarch as ScheduleResult;
    const { events } = parseIcs(toIcs(w));
    const byUid = new Map(events.map((e, k) => [e.uid, w.items[k] as ScheduleItem]));
    const followups = w.items.filter((i) => i.isFollowUp);
    expect(followups.length).toBeGreaterThan(0);
    events.forEach((e, k) => {
      const item = w.items[k] as ScheduleItem;
      const related = e.component.getFirstPropertyValue('related-to');
      if (item.parentItemId === null) expect(related).toBeNull();
      else {
        expect(related).toBe(`${item.parentItemId}.creator_01@eros-schedule`);
        if (item.isFollowUp) expect(byUid.get(related as string)?.slotId).toBe(item.parentItemId);
      }
    });
  });

  it('says the send type in plain words with the price, the caption, target, channel and category', () => {
    const w = weeks.nyMarch as ScheduleResult;
    const { events } = parseIcs(toIcs(w));
    const k = w.items.findIndex(
      (i) => i.sendTypeKey === 'ppv_unlock' && i.suggestedPrice !== null && !i.needsCaption,
    );
    expect(k).toBeGreaterThanOrEqual(0);
    const item = w.items[k] as ScheduleItem;
    const e = events[k] as ICAL.Event;
    const price = (item.suggestedPrice as number).toFixed(2);
    expect(e.summary).toBe(`PPV Unlock $${price}`);
    expect(e.description.startsWith(`${item.captionText}\n\n`)).toBe(true);
    expect(e.description).toContain(`Price: $${price} (USD)`);
    expect(e.description).toContain('Channel: Mass message');
    expect(e.description).toMatch(/Target: [A-Z]/);
    expect(e.component.getFirstPropertyValue('categories')).toBe('Revenue');
    const bump = w.items.findIndex((i) => i.category === 'engagement');
    expect(events[bump]?.component.getFirstPropertyValue('categories')).toBe('Engagement');
    expect(events[bump]?.description).toContain('Price: none');
  });

  it('adds a VALARM only when asked', () => {
    const w = weeks.nyMarch as ScheduleResult;
    expect(toIcs(w)).not.toContain('VALARM');
    const { events } = parseIcs(toIcs(w, { alarmMinutesBefore: 15 }));
    for (const e of events) {
      const alarm = e.component.getFirstSubcomponent('valarm') as ICAL.Component;
      expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
      expect(String(alarm.getFirstPropertyValue('trigger'))).toBe('-PT15M');
    }
    expect(toIcs(w, { alarmMinutesBefore: 30 })).toContain('\r\nTRIGGER:-PT30M\r\n');
    expect(toIcs(w, { alarmMinutesBefore: -3 })).not.toContain('VALARM');
  });
});

describe('toIcs: text and folding', () => {
  it('escapes TEXT: backslash, semicolon, comma, line breaks', () => {
    expect(escapeIcsText('a,b;c\\d\ne\r\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
  });

  it('folds long emoji captions at 75 octets without splitting a character, and they unfold to the original', () => {
    const w = weeks.nyMarch as ScheduleResult;
    const caption = `${'💋✨👩‍❤️‍👨 '.repeat(30)}naïve, "quoted"; back\\slash\nnew line ${'é'.repeat(80)} 🇺🇸`;
    const items = w.items
      .slice(0, 3)
      .map((i) => ({ ...i, captionText: caption, needsCaption: false }));
    const ics = toIcs({ ...w, items });
    for (const line of physicalLines(ics)) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(
        /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
      );
    }
    expect(physicalLines(ics).some((l) => l.startsWith(' '))).toBe(true);
    const { events } = parseIcs(ics);
    for (const e of events) expect(e.description.startsWith(`${caption}\n\n`)).toBe(true);
    const desc = unfold(ics).find(
      (l) => l.startsWith('DESCRIPTION:') && l.includes('naïve'),
    ) as string;
    expect(
      desc.startsWith(
        `DESCRIPTION:${'💋✨👩‍❤️‍👨 '.repeat(30)}naïve\\, "quoted"\\; back\\\\slash\\nnew line `,
      ),
    ).toBe(true);
  });

  it('foldIcsLine keeps short lines and splits long ones into 75-octet lines', () => {
    expect(foldIcsLine('SUMMARY:short')).toBe('SUMMARY:short');
    const long = `X:${'a'.repeat(200)}`;
    const folded = foldIcsLine(long).split('\r\n');
    expect(folded.map((l) => l.length)).toEqual([75, 75, 54]);
    expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(long);
    const emoji = foldIcsLine(`X:${'😀'.repeat(40)}`).split('\r\n');
    expect(emoji.map(octets)).toEqual([74, 73, 17]);
  });
});
