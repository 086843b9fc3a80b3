/**
 * The SQLite example against a real database file (issue 10): the ports answer what
 * `inMemoryPorts` answers over the same data, `plan --save` writes the week through the save
 * saga, and a second save of the same week stores nothing new because of the idempotency guard.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildSchedule,
  type CreatorRotationState,
  idempotencyClaim,
  inMemoryPorts,
} from 'eros-schedule';
import { generateDemoAgency } from 'eros-schedule/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rows, sqlitePorts } from './store';

const ROOT = join(__dirname, '..', '..');
const CLI = join(__dirname, 'cli.ts');
const WEEK = '2025-01-20';
const clock = { now: () => Date.parse('2025-01-19T12:00:00Z') };

const dir = mkdtempSync(join(tmpdir(), 'eros-sqlite-'));
const file = join(dir, 'weeks.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000,
  });

const open = async () => openDatabase(readFileSync(file));
const count = (db: Awaited<ReturnType<typeof open>>, table: string): number =>
  Number(rows(db, `SELECT COUNT(*) AS n FROM ${table}`)[0]?.n);
const TABLES = [
  'schedule_templates',
  'schedule_items',
  'ppv_followup_tracking',
  'saga_execution_log',
  'timing_idempotency',
  'creator_rotation_state',
  'creator_rotation_state_history',
  'volume_calculation_log',
];
const counts = async () => {
  const db = await open();
  const out = Object.fromEntries(TABLES.map((t) => [t, count(db, t)]));
  db.close();
  return out;
};

beforeAll(() => {
  const r = cli('init', '--db', file, '--creators', '3', '--captions', '900');
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toContain('3 creators, 900 captions');
}, 300_000);

describe('sqlitePorts', () => {
  it('answer what inMemoryPorts answers: the same weeks from the file as in memory', async () => {
    const dataset = generateDemoAgency(42, { creators: 3, captions: 900 });
    const db = await open();
    const fromDb = sqlitePorts(db, { clock, weekStart: WEEK });
    const inMemory = inMemoryPorts(dataset);
    for (const creator of dataset.creators) {
      const inputs = { creatorId: creator.creatorId, weekStart: WEEK, seed: 42 };
      const a = await buildSchedule(inputs)(fromDb)();
      const b = await buildSchedule(inputs)(inMemory)();
      if (a._tag === 'Left' || b._tag === 'Left') throw new Error('a build failed');
      expect(a.right.items).toEqual(b.right.items);
      expect(a.right.validation).toEqual(b.right.validation);
      expect(a.right.volume.finalConfig).toEqual(b.right.volume.finalConfig);
    }
    db.close();
  }, 120_000);

  it('a closed database or a missing table is a typed failure, never a throw', async () => {
    const db = await open();
    db.run('DROP TABLE caption_bank');
    const broken = sqlitePorts(db, { clock });
    const q = await broken.getCaptionCandidates({
      creatorId: 'creator_01',
      sendTypeKey: null,
      captionTypes: ['ppv_offer'],
      allowedContentTypes: null,
      asOf: WEEK,
      minFreshness: 0,
      minPerformance: 0,
      excludeCaptionIds: [],
      limit: 5,
    })();
    expect(q._tag).toBe('Left');
    if (q._tag === 'Left') expect(q.left.message).toMatch(/^sqlite: no such table: caption_bank/);
    db.close();
    const closed = await broken.getCreatorProfile('creator_01')();
    expect(closed._tag).toBe('Left');
    // and the build over it fails as a value, not a rejection
    const built = await buildSchedule({ creatorId: 'creator_01', weekStart: WEEK, seed: 1 })(
      broken,
    )();
    expect(built._tag).toBe('Left');
  });

  it('saveRotationState compares versions: a stale expected version is a conflict naming the stored one', async () => {
    const db = await open();
    const ports = sqlitePorts(db, { clock });
    const state: CreatorRotationState = {
      creatorId: 'creator_01',
      currentState: 'pattern_active',
      paused: false,
      pattern: ['winner', 'bundle'],
      patternStartDate: '2025-01-13',
      daysOnPattern: 7,
      recentPatterns: [],
      contentRotation: null,
      lastScheduledDate: '2025-01-19',
      version: 1,
    };
    const save = ports.saveRotationState;
    if (save === undefined) throw new Error('no saveRotationState');
    expect(await save(state, null)()).toEqual({ _tag: 'Right', right: { status: 'saved' } });
    expect(await save({ ...state, version: 2 }, null)()).toEqual({
      _tag: 'Right',
      right: { status: 'conflict', storedVersion: 1 },
    });
    expect(await save({ ...state, version: 2 }, 1)()).toEqual({
      _tag: 'Right',
      right: { status: 'saved' },
    });
    db.close();
  });

  it('the idempotency store claims a key once under Promise.all', async () => {
    const db = await open();
    const store = sqlitePorts(db, { clock }).idempotencyStore;
    if (store === undefined) throw new Error('no store');
    const claim = idempotencyClaim('save_schedule', { week: WEEK }, 60_000);
    const answers = await Promise.all(Array.from({ length: 20 }, () => store.putIfAbsent(claim)()));
    const stored = answers.filter((a) => a._tag === 'Right' && a.right.stored);
    expect(stored).toHaveLength(1);
    expect(count(db, 'timing_idempotency')).toBe(1);
    db.close();
  });
});

describe('plan --db FILE --save', () => {
  it('saves each week through the saga: template, items, follow-up tracking, saga log, idempotency record', async () => {
    const r = cli('plan', '--db', file, '--save');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout.match(/saved as template \d+/g)).toHaveLength(3);
    const db = await open();
    const templates = rows(
      db,
      'SELECT template_id, creator_id, week_start, total_items FROM schedule_templates ORDER BY creator_id',
    );
    expect(templates.map((t) => t.creator_id)).toEqual(['creator_01', 'creator_02', 'creator_03']);
    expect(templates.every((t) => t.week_start === WEEK)).toBe(true);
    // the stored items are the week built in memory from the same data
    const dataset = generateDemoAgency(42, { creators: 3, captions: 900 });
    for (const t of templates) {
      const built = await buildSchedule({
        creatorId: String(t.creator_id),
        weekStart: WEEK,
        seed: 42,
      })(inMemoryPorts(dataset))();
      if (built._tag === 'Left') throw new Error('build failed');
      const items = rows(
        db,
        'SELECT slot_id, scheduled_at FROM schedule_items WHERE template_id = ? ORDER BY item_id',
        [Number(t.template_id)],
      );
      expect(items.map((i) => [i.slot_id, i.scheduled_at])).toEqual(
        built.right.items.map((i) => [i.slotId, i.scheduledAt]),
      );
      expect(Number(t.total_items)).toBe(built.right.items.length);
      const followups = built.right.items.filter((i) => i.isFollowUp).length;
      const tracked = rows(
        db,
        'SELECT gap_minutes FROM ppv_followup_tracking WHERE schedule_template_id = ?',
        [Number(t.template_id)],
      );
      expect(tracked).toHaveLength(followups);
    }
    const sagas = rows(db, 'SELECT status, steps_completed FROM saga_execution_log');
    expect(sagas.length).toBeGreaterThanOrEqual(3);
    expect(sagas.filter((s) => s.status === 'completed')).toHaveLength(3);
    expect(
      sagas
        .filter((s) => s.status === 'completed')
        .every((s) => JSON.parse(String(s.steps_completed)).includes('save_schedule')),
    ).toBe(true);
    expect(
      rows(db, "SELECT COUNT(*) AS n FROM timing_idempotency WHERE status = 'completed'")[0]?.n,
    ).toBe(3);
    expect(
      rows(db, 'SELECT version FROM creator_rotation_state ORDER BY creator_id').map(
        (r) => r.version,
      ),
    ).toEqual([1, 1, 1]);
    db.close();
  }, 300_000);

  it('a second save of the same week stores nothing new (the idempotency guard)', async () => {
    const before = await counts();
    const r = cli('plan', '--db', file, '--save');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout.match(/already saved \(template \d+\), nothing stored/g)).toHaveLength(3);
    expect(await counts()).toEqual(before);
  }, 300_000);

  it('another plan of the saved week is refused by the rotation version check and rolled back', async () => {
    const before = await counts();
    const r = cli('plan', '--db', file, '--save', '--seed', '7', '--creator', 'creator_01');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('rotation version conflict');
    const after = await counts();
    // the schedule the saga wrote was removed again; only the saga log and the failed claim remain
    for (const t of [
      'schedule_templates',
      'schedule_items',
      'ppv_followup_tracking',
      'creator_rotation_state',
      'creator_rotation_state_history',
    ])
      expect(after[t], t).toBe(before[t]);
  }, 300_000);

  it('the next week reads the saved rotation state and saves a new template', async () => {
    const before = await counts();
    const r = cli(
      'plan',
      '--db',
      file,
      '--save',
      '--week-start',
      '2025-01-27',
      '--creator',
      'creator_02',
    );
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/creator_02: \d+ items, passed\w*.*saved as template \d+/);
    const after = await counts();
    expect(after.schedule_templates).toBe((before.schedule_templates ?? 0) + 1);
    const db = await open();
    expect(
      rows(db, "SELECT version FROM creator_rotation_state WHERE creator_id = 'creator_02'")[0]
        ?.version,
    ).toBe(2);
    db.close();
  }, 300_000);

  it('bad arguments exit 2 with the usage', () => {
    const r = cli('plan', '--db', file, '--sav');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage:');
    expect(cli('plan', '--db', join(dir, 'missing.sqlite')).status).toBe(2);
    expect(
      execFileSync(process.execPath, ['--import', 'tsx', CLI, '--help', '--db', 'x'], {
        cwd: ROOT,
        encoding: 'utf8',
      }),
    ).toContain('usage:');
  }, 300_000);
});
