/**
 * The command line, run in-process through `runCli` (the same code the `eros-schedule` bin
 * runs): demo calendars an ICS parser reads, plan over the real export with each default
 * reported, explain for any slot, validate over the plan's own CSV and JSON, and exit code 2 for
 * every kind of bad input.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { hasRealData, REAL_DATA_SKIP_REASON, realDataDir } from '../support/realData';
import { cli, cliWith } from './run';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'eros-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const dir = (name: string) => path.join(tmp, name);

/** The VEVENTs of an ICS text: UID, start instant (ISO, UTC) and the zone table. */
const eventsOf = (ics: string) => {
  const cal = new ICAL.Component(ICAL.parse(ics));
  for (const vtz of cal.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(vtz));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, start: e.startDate.toJSDate().toISOString(), summary: e.summary };
  });
};

describe('eros-schedule demo --format ics --out DIR', () => {
  it('writes calendars with one event per item at its instant, and the same UIDs twice', async () => {
    const a = await cli('demo', '--format', 'ics', '--out', dir('ics-a'), '--creators', '4');
    const b = await cli('demo', '--format', 'ics', '--out', dir('ics-b'), '--creators', '4');
    expect([0, 1]).toContain(a.code);
    const weeks = await cli('demo', '--format', 'json', '--creators', '4');
    const results = JSON.parse(weeks.stdout) as Array<{
      creatorId: string;
      items: Array<{ slotId: string; scheduledAt: string }>;
    }>;
    expect(results).toHaveLength(4);
    for (const r of results) {
      const ics = readFileSync(path.join(dir('ics-a'), `${r.creatorId}.ics`), 'utf8');
      const events = eventsOf(ics);
      expect(events).toHaveLength(r.items.length);
      expect(events.map((e) => e.start).sort()).toEqual(r.items.map((i) => i.scheduledAt).sort());
      expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
      const again = eventsOf(readFileSync(path.join(dir('ics-b'), `${r.creatorId}.ics`), 'utf8'));
      expect(again.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
    }
    expect(b.code).toBe(a.code);
    expect(readdirSync(dir('ics-a'))).toContain('report.json');
  });

  it('the UTC calendar has the same instants', async () => {
    const r = await cli('demo', '--format', 'ics', '--utc', '--creators', '1');
    const json = JSON.parse((await cli('demo', '--format', 'json', '--creators', '1')).stdout) as {
      items: Array<{ scheduledAt: string }>;
    };
    expect(
      eventsOf(r.stdout)
        .map((e) => e.start)
        .sort(),
    ).toEqual(json.items.map((i) => i.scheduledAt).sort());
  });
});

describe('exit codes', () => {
  it('0 when every week passed, 1 when one needs review or failed', async () => {
    const out = dir('codes');
    const r = await cli('demo', '--format', 'json', '--out', out);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as {
      weeks: Array<{ status: string }>;
    };
    const allPassed = report.weeks.every(
      (w) => w.status === 'passed' || w.status === 'passed_with_warnings',
    );
    expect(r.code).toBe(allPassed ? 0 : 1);
    expect(report.weeks).toHaveLength(12);
  });

  it.each([
    [['plan']],
    [['plan', '--data']],
    [['demo', '--fromat', 'json']],
    [['demo', '--format', 'pdf']],
    [['demo', '--week-start', '2025-13-45']],
    [['demo', '--seed', 'abc']],
    [['demo', '--creators', 'nobody']],
    [['demo', '--concurrency', '0']],
    [['demo', '--format', 'html']],
    [['frobnicate']],
    [['plan', '--data', '/no/such/path']],
    [['explain']],
    [['explain', 'not-a-slot']],
    [['validate', '/no/such/file.csv']],
    [['demo', '--data', 'x']],
  ])('2 for bad input: %j', async (argv) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^eros-schedule: /);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack
  });

  it('2 for a dataset file that is junk, naming the paths', async () => {
    const junk = dir('junk.json');
    writeFileSync(
      junk,
      JSON.stringify({ creators: [{ creatorId: 7 }], history: 'x', captions: [] }),
    );
    const r = await cli('plan', '--data', junk);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dataset.creators[0]');
    writeFileSync(junk, '{not json');
    expect((await cli('plan', '--data', junk)).code).toBe(2);
  });

  it('help and version answer 0', async () => {
    expect((await cli('--help')).stdout).toContain('Usage:');
    expect((await cli('help')).code).toBe(0);
    expect((await cli('--version')).code).toBe(0);
  });
});

describe('progress', () => {
  it('draws a bar on a terminal, and writes plain lines when stderr is no terminal', async () => {
    let drawn = '';
    const terminal = Object.assign(
      new Writable({
        write: (c, _e, cb) => {
          drawn += String(c);
          cb();
        },
      }),
      {
        isTTY: true,
        columns: 100,
        cursorTo: (_x: number, _y?: number, cb?: () => void) => {
          cb?.();
          return true;
        },
        clearLine: (_d: number, cb?: () => void) => {
          cb?.();
          return true;
        },
        moveCursor: (_dx: number, _dy: number, cb?: () => void) => {
          cb?.();
          return true;
        },
      },
    );
    const bar = await cliWith(terminal, [
      'demo',
      '--format',
      'json',
      '--out',
      dir('bar'),
      '--creators',
      '3',
    ]);
    expect(drawn).toContain('3/3');
    expect(bar.stderr).not.toContain('[1/3]');
    const plain = await cli('demo', '--format', 'json', '--out', dir('plain'), '--creators', '3');
    expect(plain.stderr).toContain('[1/3] creator_01');
    expect(plain.stderr).toContain('[3/3] creator_03');
    // One creator: no progress at all.
    expect((await cli('demo', '--format', 'json', '--creators', '1')).stderr).not.toContain(
      '[1/1]',
    );
  });
});

describe('eros-schedule explain SLOT', () => {
  it('answers for every slot of a demo week', async () => {
    const week = JSON.parse(
      (await cli('demo', '--format', 'json', '--creators', 'creator_05')).stdout,
    ) as {
      items: Array<{ slotId: string }>;
    };
    expect(week.items.length).toBeGreaterThan(20);
    for (const { slotId } of week.items) {
      const r = await cli('explain', slotId, '--creator', 'creator_05');
      expect(r.code, slotId).toBe(0);
      expect(r.stdout).toContain(`${slotId}:`);
      for (const part of ['Time:', 'Caption:', 'Price:', 'Target:'])
        expect(r.stdout).toContain(part);
    }
    // One CLI process per slot (~60): 146 s on a loaded 2-core machine went past the default
    // 120 s. This is a correctness test, not a timed one; the limit only stops a hang.
  }, 600_000);

  it('answers as JSON with the reasons', async () => {
    const r = await cli('explain', '2025-01-20_1', '--json');
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout) as { slotId: string; caption: { source: string } };
    expect(e.slotId).toBe('2025-01-20_1');
    expect(['pool', 'generic', 'manual']).toContain(e.caption.source);
  });
});

describe('eros-schedule validate FILE', () => {
  it('gives the plan its own status, from the CSV and from the JSON', async () => {
    const out = dir('val');
    await cli('demo', '--format', 'csv', '--out', out, '--creators', 'creator_03,creator_08');
    await cli(
      'demo',
      '--format',
      'json',
      '--out',
      `${out}-json`,
      '--creators',
      'creator_03,creator_08',
    );
    for (const id of ['creator_03', 'creator_08']) {
      const planned = JSON.parse(readFileSync(path.join(`${out}-json`, `${id}.json`), 'utf8')) as {
        validation: { status: string; score: number };
      };
      for (const file of [path.join(out, `${id}.csv`), path.join(`${out}-json`, `${id}.json`)]) {
        const r = await cli('validate', file, '--json');
        expect(r.code === 0).toBe(
          planned.validation.status === 'passed' ||
            planned.validation.status === 'passed_with_warnings',
        );
        const v = JSON.parse(r.stdout) as { status: string; score: number };
        expect(v.status).toBe(planned.validation.status);
        expect(v.score).toBe(planned.validation.score);
      }
    }
  });

  it('finds what an edit broke: two items at the same minute', async () => {
    const out = dir('edit');
    await cli('demo', '--format', 'json', '--out', out, '--creators', 'creator_02');
    const file = path.join(out, 'creator_02.json');
    const week = JSON.parse(readFileSync(file, 'utf8')) as {
      items: Array<{
        scheduledAt: string;
        scheduledTime: string;
        scheduledDate: string;
        isFollowUp: boolean;
      }>;
    };
    const [a, b] = week.items.filter((i) => !i.isFollowUp);
    if (a === undefined || b === undefined) throw new Error('no items');
    Object.assign(b, {
      scheduledAt: a.scheduledAt,
      scheduledTime: a.scheduledTime,
      scheduledDate: a.scheduledDate,
    });
    writeFileSync(file, JSON.stringify(week));
    const r = await cli('validate', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/error: /);
  });

  it('2 for a schedule file that does not decode, naming line and column', async () => {
    const out = dir('bad');
    await cli('demo', '--format', 'csv', '--out', out, '--creators', 'creator_01');
    const file = path.join(out, 'creator_01.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    const header = (lines[0] ?? '').split(',');
    const col = header.indexOf('priority');
    const cells = (lines[2] ?? '').split(',');
    // Only edit when the row has no quoted commas before the column (the CSV library would quote).
    if (col >= 0 && !(lines[2] ?? '').slice(0, 200).includes('"')) {
      cells[col] = 'first';
      lines[2] = cells.join(',');
    } else lines[2] = `${lines[2]},extra,fields`;
    writeFileSync(file, lines.join('\n'));
    const r = await cli('validate', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 3/);
  });
});

describe.skipIf(!hasRealData())('eros-schedule plan --data ../shared/real-data', () => {
  it('builds a week for every creator of the export and reports each default it assumed', async () => {
    const out = dir('real');
    const r = await cli('plan', '--data', realDataDir, '--format', 'json', '--out', out);
    // Weeks from the export honestly need review: it has no PPV captions (ISSUE-NOTES).
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as {
      weeks: Array<{ creatorId: string; built: boolean }>;
      import: { defaults: Array<{ creatorId: string | null; field: string }> };
    };
    expect(report.weeks).toHaveLength(40);
    expect(report.weeks.every((w) => w.built)).toBe(true);
    for (const w of report.weeks) {
      expect(readdirSync(out)).toContain(`${w.creatorId}.json`);
      const fields = report.import.defaults
        .filter((d) => d.creatorId === w.creatorId)
        .map((d) => d.field);
      // The export has no content page type, sub-type or performance tier.
      expect(fields).toEqual(
        expect.arrayContaining(['contentPageType', 'subType', 'performanceTier']),
      );
      expect(r.stderr).toContain(`${w.creatorId}: assumed `);
    }
  }, 120_000);
});
if (!hasRealData()) console.warn(REAL_DATA_SKIP_REASON);
