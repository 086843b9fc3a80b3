/**
 * Seed 003 task 2.1 and RULINGS "Rotation and state": the tracker over the schedule's own dates.
 * Own literals: rotation on day 3 (hashed) or day 4 (always), the four standard patterns, 14
 * days of recent patterns.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CreatorRotationState,
  ppvStyleAt,
  readStoredRotationState,
  trackRotation,
  weekDatesFrom,
} from '../../src/index';

const PATTERNS = [
  ['solo', 'bundle', 'winner', 'sextape'],
  ['winner', 'solo', 'sextape', 'bundle'],
  ['bundle', 'sextape', 'solo', 'winner'],
  ['sextape', 'winner', 'bundle', 'solo'],
];
const STYLES = ['solo', 'bundle', 'winner', 'sextape'];
const week = (start: string) => weekDatesFrom(start);
const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

const stored = (over: Partial<CreatorRotationState>): CreatorRotationState => ({
  creatorId: 'c1',
  currentState: 'pattern_active',
  paused: false,
  pattern: ['winner', 'winner', 'winner', 'winner'],
  patternStartDate: '2025-01-01',
  daysOnPattern: 19,
  recentPatterns: [],
  contentRotation: null,
  lastScheduledDate: '2025-01-19',
  version: 4,
  ...over,
});

describe('trackRotation', () => {
  it('starts a new creator on a standard pattern on the first date', () => {
    const plan = trackRotation({
      creatorId: 'c1',
      state: null,
      scheduleDates: week('2025-01-20'),
      seed: 7,
    });
    expect(PATTERNS).toContainEqual([...(plan.days[0]?.pattern ?? [])]);
    expect(plan.days[0]?.patternStartDate).toBe('2025-01-20');
    expect(plan.transitions[0]).toEqual({
      date: '2025-01-20',
      from: 'initializing',
      to: 'pattern_active',
    });
    expect(plan.issues.map((i) => i.code)).toContain('rotation_pattern_started');
    expect(plan.stateAfter.version).toBe(1);
  });

  it('rotates a 19-day-old all-winner state on the first date (not the same week as a fresh one)', () => {
    const plan = trackRotation({
      creatorId: 'c1',
      state: stored({}),
      scheduleDates: week('2025-01-20'),
      seed: 7,
    });
    expect(plan.rotations[0]?.date).toBe('2025-01-20');
    expect(plan.rotations[0]?.oldPattern).toEqual(['winner', 'winner', 'winner', 'winner']);
    // reverse or shuffle of one repeated style gives the same pattern: new is used (RULINGS)
    expect(plan.rotations[0]?.method).toBe('new');
    expect(plan.days[0]?.pattern).not.toEqual(['winner', 'winner', 'winner', 'winner']);
    const fresh = trackRotation({
      creatorId: 'c1',
      state: null,
      scheduleDates: week('2025-01-20'),
      seed: 7,
    });
    expect(plan.days.map((d) => d.pattern)).not.toEqual(fresh.days.map((d) => d.pattern));
  });

  it('a paused state keeps its pattern all week and never rotates', () => {
    const plan = trackRotation({
      creatorId: 'c1',
      state: stored({ paused: true, pattern: ['solo', 'bundle', 'winner', 'sextape'] }),
      scheduleDates: week('2025-01-20'),
      seed: 7,
    });
    expect(plan.rotations).toEqual([]);
    for (const d of plan.days) expect(d.pattern).toEqual(['solo', 'bundle', 'winner', 'sextape']);
    expect(plan.issues.map((i) => i.code)).toContain('rotation_paused');
  });

  it('an error state recovers through initializing', () => {
    const plan = trackRotation({
      creatorId: 'c1',
      state: stored({ currentState: 'error' }),
      scheduleDates: week('2025-01-20'),
      seed: 3,
    });
    expect(plan.transitions.slice(0, 2)).toEqual([
      { date: '2025-01-20', from: 'error', to: 'initializing' },
      { date: '2025-01-20', from: 'initializing', to: 'pattern_active' },
    ]);
  });

  it('a stored 004 row with only content types starts a 003 pattern from initializing', () => {
    const read = readStoredRotationState(
      {
        creator_id: 'c1',
        rotation_pattern: JSON.stringify({
          content_types: ['b_g', 'solo', 'toy'],
          sequence_type: 'weighted_random',
          weights: { b_g: 0.5, solo: 0.3, toy: 0.2 },
          cycle_length_days: 7,
          avoid_repeat_within: 2,
        }),
        pattern_start_date: '2025-01-10T09:00:00',
        days_on_pattern: 3,
        current_state: 'active',
      },
      'c1',
      '2025-01-20',
    );
    expect(read.state?.contentRotation?.contentTypes).toEqual(['b_g', 'solo', 'toy']);
    expect(read.state?.currentState).toBe('initializing');
    const plan = trackRotation({
      creatorId: 'c1',
      state: read.state,
      scheduleDates: week('2025-01-20'),
      seed: 1,
    });
    expect(plan.issues.find((i) => i.code === 'rotation_pattern_started')?.details.reason).toBe(
      'content_rotation_only',
    );
  });

  it('reads garbage as an error state that recovers, never a failure', () => {
    for (const junk of [
      42,
      'x',
      [],
      { currentState: 'sleeping' },
      { creatorId: 'other' },
      { pattern: ['duo'] },
    ]) {
      const read = readStoredRotationState(junk, 'c1', '2025-01-20');
      expect(read.state?.currentState).toBe('error');
      expect(read.issues.map((i) => i.code)).toEqual(['rotation_state_unreadable']);
    }
    expect(readStoredRotationState(null, 'c1', '2025-01-20')).toEqual({ state: null, issues: [] });
  });

  it('rotates 3 or 4 days after each pattern start, on the schedule dates (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom('2025-01-20', '2025-03-03', '2025-03-31', '2025-10-27', '2026-06-15'),
        (creatorId, seed, start) => {
          const dates = [
            ...week(start),
            ...weekDatesFrom(week(start)[6] ? nextDay(week(start)[6] as string) : start),
          ];
          const plan = trackRotation({ creatorId, state: null, scheduleDates: dates, seed });
          let prevStart = dates[0] as string;
          for (const r of plan.rotations) {
            const gap = days(prevStart, r.date);
            expect(gap === 3 || gap === 4).toBe(true);
            expect(r.newPattern).not.toEqual(r.oldPattern);
            for (const s of r.newPattern) expect(STYLES).toContain(s);
            prevStart = r.date;
          }
          // 14 days: at least 3 rotations (003 quality gate 2)
          expect(plan.rotations.length).toBeGreaterThanOrEqual(3);
          // every transition is one of the seed's table
          for (const t of plan.transitions) expect(t.from).not.toBe(t.to);
          for (const d of dates) expect(STYLES).toContain(ppvStyleAt(plan, d, 0));
        },
      ),
      { seed: 20_250_120, numRuns: 200 },
    );
  });

  it('is deterministic and carries across weeks like one 14-day run', () => {
    const a = trackRotation({
      creatorId: 'c9',
      state: null,
      scheduleDates: week('2025-01-20'),
      seed: 5,
    });
    const b = trackRotation({
      creatorId: 'c9',
      state: a.stateAfter,
      scheduleDates: week('2025-01-27'),
      seed: 5,
    });
    expect(
      trackRotation({ creatorId: 'c9', state: null, scheduleDates: week('2025-01-20'), seed: 5 }),
    ).toEqual(a);
    expect(a.rotations.length + b.rotations.length).toBeGreaterThanOrEqual(3);
    expect(b.stateBefore?.version).toBe(1);
    expect(b.stateAfter.version).toBe(2);
    const last = a.days[6];
    const gapAtSeam = days(last?.patternStartDate ?? '', b.rotations[0]?.date ?? '2025-02-02');
    expect(gapAtSeam === 3 || gapAtSeam === 4).toBe(true);
  });
});

function nextDay(d: string): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
