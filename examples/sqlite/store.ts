/**
 * An adapter of eros-schedule's ports over SQLite (sql.js, SQLite compiled to WebAssembly: no
 * native module). Every read is a SQL query over the seed tables of `schema.ts`; every write
 * runs in a transaction. A SQL error, a closed database or a row that does not parse becomes a
 * `PortFailure` (a `Left`), never a throw. The answers are not marked trusted, so the pipeline
 * decodes them at its boundary like any caller's port.
 *
 * Source: seed 004 (the tables), seed 001 "MCP Tools Reference" (the reads) and §7.4
 * `save_schedule`, seed 003 tasks 2.1b (the save saga) and 2.5b (`timing_idempotency`).
 */
import {
  type CaptionQuery,
  type CircuitBreakerRecord,
  DEFAULT_POLICY,
  freshnessAfterDays,
  type IdempotencyRecord,
  type IdempotencyStore,
  type InMemoryDataset,
  type PortFailure,
  type SchedulePorts,
  SEND_TYPE_KEYS,
  SEND_TYPES,
  sendTypesForPage,
  utcDayOf,
} from 'eros-schedule';
import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import initSqlJs, { type Database, type SqlValue } from 'sql.js';
import { SCHEMA_SQL } from './schema';

type Row = Record<string, SqlValue>;

/** Opens a database from a file's bytes (or a new empty one) and applies the schema. */
export const openDatabase = async (bytes?: Uint8Array): Promise<Database> => {
  const SQL = await initSqlJs();
  const db = bytes === undefined ? new SQL.Database() : new SQL.Database(bytes);
  db.exec(SCHEMA_SQL);
  return db;
};

/** The rows of a query, as objects keyed by column name. */
export const rows = (db: Database, sql: string, params: ReadonlyArray<SqlValue> = []): Row[] => {
  const stmt = db.prepare(sql);
  try {
    stmt.bind([...params]);
    const out: Row[] = [];
    while (stmt.step()) out.push(stmt.getAsObject() as Row);
    return out;
  } finally {
    stmt.free();
  }
};

/** Runs `f` inside one transaction: committed when it returns, rolled back when it throws. */
const transaction = <A>(db: Database, f: () => A): A => {
  db.exec('BEGIN');
  try {
    const a = f();
    db.exec('COMMIT');
    return a;
  } catch (e) {
    db.exec('ROLLBACK');
    throw e;
  }
};

const failure = (e: unknown): PortFailure => ({
  message: `sqlite: ${e instanceof Error ? e.message : String(e)}`,
  transient: false,
  cause: e,
});

/** A port body run when its task runs: its value as `Right`, anything it throws as `Left`. */
const task =
  <A>(f: () => A): TaskEither<PortFailure, A> =>
  () => {
    try {
      return Promise.resolve(E.right(f()));
    } catch (e) {
      return Promise.resolve(E.left(failure(e)));
    }
  };

const json = (u: unknown): string => JSON.stringify(u);
const parsed = (v: SqlValue | undefined): unknown => (typeof v === 'string' ? JSON.parse(v) : null);
const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

const RECORD_KINDS = {
  trends: 'trends',
  vaults: 'vault',
  timing: 'best_timing',
  personas: 'persona',
  contentRankings: 'content_rankings',
  activePins: 'active_pins',
  timingProfiles: 'timing_profile',
} as const;

/**
 * Writes a dataset (the shape `inMemoryPorts` serves, e.g. the demo agency) into the tables, in
 * one transaction. Rotation states go to `creator_rotation_state`, adjustment outcomes to
 * `volume_adjustment_outcomes`.
 */
export const seedDatabase = (db: Database, dataset: InMemoryDataset, now: string): void =>
  transaction(db, () => {
    for (const c of dataset.creators)
      db.run(
        `INSERT INTO creators (creator_id, display_name, page_type, fan_count, timezone, content_page_type,
           sub_type, performance_tier, avg_revenue_per_message, profile_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          c.creatorId,
          c.displayName ?? null,
          c.pageType,
          c.fanCount,
          c.timezone,
          c.contentPageType,
          c.subType,
          c.performanceTier,
          c.avgRevenuePerMessage ?? null,
          json(c),
        ],
      );
    for (const caption of dataset.captions) {
      db.run(
        `INSERT INTO caption_bank (caption_id, caption_text, caption_type, content_type, performance_score)
         VALUES (?, ?, ?, ?, ?)`,
        [
          caption.captionId,
          caption.text,
          caption.captionType,
          caption.contentType,
          caption.performanceScore,
        ],
      );
      for (const u of caption.usage)
        db.run(
          `INSERT INTO caption_creator_usage (caption_id, creator_id, last_used_at, use_count) VALUES (?, ?, ?, ?)`,
          [caption.captionId, u.creatorId, u.lastUsedAt, u.useCount],
        );
    }
    for (const m of dataset.history)
      db.run(
        `INSERT INTO mass_messages (creator_id, sent_at, sent_at_ms, send_type_key, price, sent_count,
           viewed_count, purchased_count, earnings, caption_id, message_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          m.creatorId,
          m.sentAt,
          Date.parse(m.sentAt),
          m.sendTypeKey,
          m.price,
          m.sent,
          m.viewed,
          m.purchased,
          m.earnings,
          m.captionId,
          json(m),
        ],
      );
    for (const [field, kind] of Object.entries(RECORD_KINDS)) {
      const records = dataset[field as keyof typeof RECORD_KINDS] as
        | Readonly<Record<string, unknown>>
        | undefined;
      for (const [creatorId, record] of Object.entries(records ?? {}))
        db.run('INSERT INTO creator_records (creator_id, kind, record_json) VALUES (?, ?, ?)', [
          creatorId,
          kind,
          json(record),
        ]);
    }
    for (const [creatorId, state] of Object.entries(dataset.rotationStates ?? {})) {
      const s = state as Readonly<Record<string, unknown>>;
      db.run(
        `INSERT INTO creator_rotation_state (creator_id, rotation_pattern, pattern_start_date, days_on_pattern,
           current_state, version, state_json, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          creatorId,
          json(s.pattern ?? []),
          String(s.patternStartDate ?? ''),
          Number(s.daysOnPattern ?? 0),
          String(s.currentState ?? 'initializing'),
          Number(s.version ?? 0),
          json(state),
          now,
        ],
      );
      db.run(
        `INSERT OR REPLACE INTO creator_rotation_state_history (creator_id, version, last_scheduled_date, state_json, saved_at)
         VALUES (?, ?, ?, ?, ?)`,
        [
          creatorId,
          Number(s.version ?? 0),
          typeof s.lastScheduledDate === 'string' ? s.lastScheduledDate : null,
          json(state),
          now,
        ],
      );
    }
    for (const [creatorId, outcomes] of Object.entries(dataset.adjustmentOutcomes ?? {}))
      for (const o of outcomes)
        db.run('INSERT INTO volume_adjustment_outcomes (creator_id, record_json) VALUES (?, ?)', [
          creatorId,
          json(o),
        ]);
  });

/** What `sqlitePorts` needs from the caller: the clock of the writes' timestamps and expiries. */
export interface SqlitePortsOptions {
  /** Epoch milliseconds now; the adapter never reads a clock of its own. */
  readonly clock: { readonly now: () => number };
  /** Usable captions counted per caption type at most (as `inMemoryPorts`' `usableCountCap`); default 100. */
  readonly usableCountCap?: number;
  /**
   * The week being planned (`YYYY-MM-DD`, its Monday). With it, `getRotationState` answers the
   * latest state saved before that week (whose last scheduled date is earlier), so re-planning a
   * saved week reads what its first plan read and the idempotency guard sees the same build;
   * without it, the current state.
   */
  readonly weekStart?: string;
}

const cmpId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The ports of eros-schedule over the database: every read of `SchedulePorts` as SQL, and the
 * writes of the save (schedule, rotation state with a version compare-and-set, volume
 * prediction, saga log, idempotency records). The answers equal `inMemoryPorts`' over the same
 * dataset, so a week built from the file is the week built in memory.
 */
export const sqlitePorts = (db: Database, options: SqlitePortsOptions): SchedulePorts => {
  const policy = DEFAULT_POLICY;
  const usableCap = options.usableCountCap ?? 100;
  const nowIso = (): string => new Date(options.clock.now()).toISOString();
  const record = (creatorId: string, kind: string): unknown => {
    const [row] = rows(
      db,
      'SELECT record_json FROM creator_records WHERE creator_id = ? AND kind = ?',
      [creatorId, kind],
    );
    return row === undefined ? null : parsed(row.record_json);
  };
  const freshness = (lastUsedAt: SqlValue | undefined, asOf: string): number =>
    typeof lastUsedAt === 'string'
      ? freshnessAfterDays(utcDayOf(asOf) - utcDayOf(lastUsedAt), policy)
      : 100;

  /** The caption rows of one caption type passing `minPerformance`, best performance first. */
  const captionsOfTypes = (
    creatorId: string,
    types: ReadonlyArray<string>,
    minPerformance: number,
    allowed: ReadonlyArray<string> | null,
  ): Row[] =>
    rows(
      db,
      `SELECT c.caption_id, c.caption_text, c.caption_type, c.content_type, c.performance_score,
              u.last_used_at, COALESCE(u.use_count, 0) AS use_count,
              (SELECT COALESCE(SUM(g.use_count), 0) FROM caption_creator_usage g WHERE g.caption_id = c.caption_id)
                AS global_use_count
         FROM caption_bank c
         LEFT JOIN caption_creator_usage u ON u.caption_id = c.caption_id AND u.creator_id = ?
        WHERE c.caption_type IN (${placeholders(types.length)})
          AND c.performance_score >= ?
          ${allowed === null ? '' : `AND (c.content_type IS NULL OR c.content_type IN (${placeholders(allowed.length)}))`}
        ORDER BY c.performance_score DESC, c.caption_id`,
      [creatorId, ...types, minPerformance, ...(allowed ?? [])],
    );

  const getCaptionCandidates = (query: CaptionQuery) => {
    if (query.limit <= 0 || query.captionTypes.length === 0) return [];
    const excluded = new Set(query.excludeCaptionIds);
    return captionsOfTypes(
      query.creatorId,
      [...new Set(query.captionTypes)],
      query.minPerformance,
      query.allowedContentTypes,
    )
      .map((r) => ({ r, f: freshness(r.last_used_at, query.asOf) }))
      .filter(({ r, f }) => f >= query.minFreshness && !excluded.has(String(r.caption_id)))
      .sort(
        (a, b) =>
          b.f - a.f ||
          Number(b.r.performance_score) - Number(a.r.performance_score) ||
          cmpId(String(a.r.caption_id), String(b.r.caption_id)),
      )
      .slice(0, query.limit)
      .map(({ r }) => ({
        captionId: String(r.caption_id),
        text: String(r.caption_text),
        captionType: r.caption_type,
        contentType: r.content_type ?? null,
        performanceScore: Number(r.performance_score),
        lastUsedAt: r.last_used_at ?? null,
        useCount: Number(r.use_count),
        globalUseCount: Number(r.global_use_count),
      })) as never;
  };

  const countUsableCaptions = (
    creatorId: string,
    asOf: string,
    allowed: ReadonlyArray<string> | null,
  ) => {
    const usable = policy.content.degradationChain[0] ?? { minFreshness: 0, minPerformance: 0 };
    const perType = new Map<string, number>();
    const countType = (type: string): number => {
      const known = perType.get(type);
      if (known !== undefined) return known;
      let n = 0;
      for (const r of captionsOfTypes(creatorId, [type], usable.minPerformance, allowed)) {
        if (n >= usableCap) break;
        if (freshness(r.last_used_at, asOf) >= usable.minFreshness) n++;
      }
      perType.set(type, n);
      return n;
    };
    const [creator] = rows(db, 'SELECT page_type FROM creators WHERE creator_id = ?', [creatorId]);
    const specs =
      creator === undefined
        ? SEND_TYPE_KEYS.map((k) => SEND_TYPES[k])
        : sendTypesForPage(creator.page_type as 'paid' | 'free');
    return Object.fromEntries(
      specs.map((s) => [
        s.sendTypeKey,
        [...new Set(s.captionTypes)].reduce((sum, t) => sum + countType(t), 0),
      ]),
    );
  };

  const saveSchedule: NonNullable<SchedulePorts['saveSchedule']> = ({
    creatorId,
    weekStart,
    result,
  }) =>
    task(() =>
      transaction(db, () => {
        const at = nowIso();
        db.run(
          `INSERT INTO schedule_templates (creator_id, week_start, generated_at, status, total_items,
             validation_score, seed, result_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            creatorId,
            weekStart,
            at,
            result.validation.status,
            result.items.length,
            result.validation.score,
            String(result.seed),
            json(result),
          ],
        );
        const templateId = Number(rows(db, 'SELECT last_insert_rowid() AS id')[0]?.id);
        const bySlot = new Map(result.items.map((i) => [i.slotId, i]));
        for (const i of result.items) {
          db.run(
            `INSERT INTO schedule_items (template_id, slot_id, scheduled_date, scheduled_time, scheduled_at,
               send_type_key, channel_key, target_key, caption_id, caption_text, suggested_price, is_follow_up,
               parent_item_id, item_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            [
              templateId,
              i.slotId,
              i.scheduledDate,
              i.scheduledTime,
              i.scheduledAt,
              i.sendTypeKey,
              i.channelKey,
              i.targetKey,
              i.captionId,
              i.captionText,
              i.suggestedPrice,
              i.isFollowUp ? 1 : 0,
              i.parentItemId,
              json(i),
            ],
          );
          const parent = i.parentItemId === null ? undefined : bySlot.get(i.parentItemId);
          if (i.isFollowUp && parent !== undefined) {
            const gap = (Date.parse(i.scheduledAt) - Date.parse(parent.scheduledAt)) / 60000;
            db.run(
              `INSERT INTO ppv_followup_tracking (creator_id, parent_ppv_id, parent_time, followup_time, gap_minutes,
                 ppv_type, is_optimal_window, schedule_template_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
              [
                creatorId,
                parent.slotId,
                parent.scheduledAt,
                i.scheduledAt,
                gap,
                parent.ppvStyle ?? parent.sendTypeKey,
                gap >= 15 && gap <= 45 ? 1 : 0,
                templateId,
                at,
              ],
            );
          }
        }
        const v = result.volume;
        db.run(
          `INSERT INTO volume_calculation_log (creator_id, calculated_at, fan_count, page_type, saturation_score,
             opportunity_score, tier, revenue_per_day, engagement_per_day, retention_per_day, schedule_template_id,
             confidence_score, caption_constrained, message_count_analyzed, elasticity_capped, notes)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            creatorId,
            at,
            result.creator.fanCount,
            result.creator.pageType,
            v.fusedSaturation,
            v.fusedOpportunity,
            v.finalConfig.tier,
            v.finalConfig.revenuePerDay,
            v.finalConfig.engagementPerDay,
            v.finalConfig.retentionPerDay,
            templateId,
            v.confidenceScore,
            v.captionShortages.length > 0 ? 1 : 0,
            v.messageCount,
            v.elasticityCapped ? 1 : 0,
            v.adjustmentsApplied.join('; '),
          ],
        );
        return { templateId: String(templateId) };
      }),
    );

  const deleteSchedule: NonNullable<SchedulePorts['deleteSchedule']> = (templateId) =>
    task(() =>
      transaction(db, () => {
        db.run('DELETE FROM schedule_templates WHERE template_id = ?', [Number(templateId)]);
      }),
    );

  const saveRotationState: NonNullable<SchedulePorts['saveRotationState']> = (
    state,
    expectedVersion,
  ) =>
    task(() =>
      transaction(db, () => {
        const [stored] = rows(
          db,
          'SELECT version FROM creator_rotation_state WHERE creator_id = ?',
          [state.creatorId],
        );
        const storedVersion = stored === undefined ? null : Number(stored.version);
        if (storedVersion !== expectedVersion)
          return { status: 'conflict' as const, storedVersion };
        db.run(
          `INSERT INTO creator_rotation_state (creator_id, rotation_pattern, pattern_start_date, days_on_pattern,
             current_state, version, state_json, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (creator_id) DO UPDATE SET rotation_pattern = excluded.rotation_pattern,
             pattern_start_date = excluded.pattern_start_date, days_on_pattern = excluded.days_on_pattern,
             current_state = excluded.current_state, version = excluded.version,
             state_json = excluded.state_json, updated_at = excluded.updated_at`,
          [
            state.creatorId,
            json(state.pattern),
            state.patternStartDate,
            state.daysOnPattern,
            state.currentState,
            state.version,
            json(state),
            nowIso(),
          ],
        );
        db.run(
          `INSERT OR REPLACE INTO creator_rotation_state_history (creator_id, version, last_scheduled_date, state_json, saved_at)
           VALUES (?, ?, ?, ?, ?)`,
          [state.creatorId, state.version, state.lastScheduledDate, json(state), nowIso()],
        );
        // A restore (the saga's compensation) writes an older version: later ones are undone.
        db.run('DELETE FROM creator_rotation_state_history WHERE creator_id = ? AND version > ?', [
          state.creatorId,
          state.version,
        ]);
        return { status: 'saved' as const };
      }),
    );

  const saveVolumePrediction: NonNullable<SchedulePorts['saveVolumePrediction']> = (p) =>
    task(() =>
      transaction(db, () => {
        const [creator] = rows(
          db,
          'SELECT fan_count, page_type FROM creators WHERE creator_id = ?',
          [p.creatorId],
        );
        db.run(
          `INSERT INTO volume_predictions (creator_id, predicted_at, input_fan_count, input_page_type,
             input_saturation, input_opportunity, predicted_tier, predicted_revenue_per_day,
             predicted_engagement_per_day, predicted_retention_per_day, predicted_weekly_messages, week_start_date)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            p.creatorId,
            nowIso(),
            creator?.fan_count ?? null,
            creator?.page_type ?? null,
            p.volume.fusedSaturation,
            p.volume.fusedOpportunity,
            p.volume.finalConfig.tier,
            p.volume.finalConfig.revenuePerDay,
            p.volume.finalConfig.engagementPerDay,
            p.volume.finalConfig.retentionPerDay,
            p.predictedTotalItems,
            p.weekStart,
          ],
        );
        return { predictionId: String(rows(db, 'SELECT last_insert_rowid() AS id')[0]?.id) };
      }),
    );

  const saveSagaLog: NonNullable<SchedulePorts['saveSagaLog']> = (records) =>
    task(() =>
      transaction(db, () => {
        for (const r of records)
          db.run(
            `INSERT INTO saga_execution_log (saga_id, creator_id, status, steps_completed, failed_step,
               error_message, compensation_errors, execution_time_ms, started_at, completed_at, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            [
              r.sagaId,
              r.creatorId,
              r.status,
              json(r.stepsCompleted),
              r.failedStep,
              r.errorMessage,
              json(r.compensationErrors),
              r.executionTimeMs,
              r.startedAt,
              r.completedAt,
              nowIso(),
            ],
          );
      }),
    );

  return {
    getCreatorProfile: (creatorId) =>
      task(() => {
        const [row] = rows(db, 'SELECT profile_json FROM creators WHERE creator_id = ?', [
          creatorId,
        ]);
        return row === undefined ? null : (parsed(row.profile_json) as never);
      }),
    getPerformanceTrends: (creatorId) => task(() => record(creatorId, 'trends') as never),
    getMassMessageHistory: (creatorId, fromInstant, toInstant) =>
      task(
        () =>
          rows(
            db,
            `SELECT message_json FROM mass_messages
              WHERE creator_id = ? AND sent_at_ms >= ? AND sent_at_ms < ?
              ORDER BY sent_at_ms, message_id`,
            [creatorId, Date.parse(fromInstant), Date.parse(toInstant)],
          ).map((r) => parsed(r.message_json)) as never,
      ),
    getVaultAvailability: (creatorId) => task(() => record(creatorId, 'vault') as never),
    getBestTiming: (creatorId) => task(() => record(creatorId, 'best_timing') as never),
    getPersonaProfile: (creatorId) => task(() => record(creatorId, 'persona') as never),
    getCaptionCandidates: (query) => task(() => getCaptionCandidates(query)),
    countUsableCaptions: (creatorId, asOf, allowed) =>
      task(() => countUsableCaptions(creatorId, asOf, allowed)),
    getContentTypeRankings: (creatorId) =>
      task(() => record(creatorId, 'content_rankings') as never),
    getRotationState: (creatorId) =>
      task(() => {
        const weekStart = options.weekStart;
        const [row] =
          weekStart === undefined
            ? rows(db, 'SELECT state_json FROM creator_rotation_state WHERE creator_id = ?', [
                creatorId,
              ])
            : rows(
                db,
                `SELECT state_json FROM creator_rotation_state_history
                  WHERE creator_id = ? AND (last_scheduled_date IS NULL OR last_scheduled_date < ?)
                  ORDER BY version DESC LIMIT 1`,
                [creatorId, weekStart],
              );
        return row === undefined ? null : (parsed(row.state_json) as never);
      }),
    getActivePins: (creatorId) => task(() => (record(creatorId, 'active_pins') ?? []) as never),
    getTimingProfile: (creatorId) => task(() => record(creatorId, 'timing_profile') as never),
    getAdjustmentOutcomes: (creatorId) =>
      task(
        () =>
          rows(
            db,
            'SELECT record_json FROM volume_adjustment_outcomes WHERE creator_id = ? ORDER BY outcome_id',
            [creatorId],
          ).map((r) => parsed(r.record_json)) as never,
      ),
    saveSchedule,
    deleteSchedule,
    saveRotationState,
    saveVolumePrediction,
    saveSagaLog,
    idempotencyStore: sqliteIdempotencyStore(db, options.clock),
  };
};

/**
 * An `IdempotencyStore` over `timing_idempotency` (seed 004, plus the claim's `status` and
 * `ttl_ms`). sql.js runs in this thread, so the check and the insert of `putIfAbsent` are one
 * synchronous step: atomic under `Promise.all`. `settled` on a pending claim waits for its
 * `complete` or `release` in this process (it sets no timer; the caller's timeout bounds it).
 */
export const sqliteIdempotencyStore = (
  db: Database,
  clock: { readonly now: () => number },
): IdempotencyStore => {
  const waiters = new Map<string, Array<(r: IdempotencyRecord | null) => void>>();
  const wake = (key: string, r: IdempotencyRecord | null): void => {
    const ws = waiters.get(key) ?? [];
    waiters.delete(key);
    for (const w of ws) w(r);
  };
  const read = (key: string): (IdempotencyRecord & { readonly ttlMs: number }) | null => {
    const [r] = rows(db, 'SELECT * FROM timing_idempotency WHERE operation_key = ?', [key]);
    return r === undefined
      ? null
      : {
          operationKey: String(r.operation_key),
          operationName: String(r.operation_name),
          paramsHash: String(r.params_hash),
          status: r.status as IdempotencyRecord['status'],
          result: parsed(r.result),
          executedAt: String(r.executed_at),
          expiresAt: String(r.expires_at),
          ttlMs: Number(r.ttl_ms),
        };
  };
  const plain = ({ ttlMs: _ttl, ...r }: IdempotencyRecord & { readonly ttlMs: number }) => r;
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    putIfAbsent: (claim) =>
      task(() => {
        const now = clock.now();
        if (!(Number.isFinite(claim.ttlMs) && claim.ttlMs > 0))
          throw new Error(`ttlMs must be a finite number > 0, got ${claim.ttlMs}`);
        const existing = read(claim.operationKey);
        if (
          existing !== null &&
          Date.parse(existing.expiresAt) > now &&
          existing.status !== 'failed'
        )
          return { stored: false, record: plain(existing) };
        const record: IdempotencyRecord = {
          operationKey: claim.operationKey,
          operationName: claim.operationName,
          paramsHash: claim.paramsHash,
          status: 'pending',
          result: null,
          executedAt: iso(now),
          expiresAt: iso(now + claim.ttlMs),
        };
        db.run(
          `INSERT INTO timing_idempotency (operation_key, operation_name, params_hash, status, ttl_ms, result,
             executed_at, expires_at) VALUES (?, ?, ?, 'pending', ?, NULL, ?, ?)
           ON CONFLICT (operation_key) DO UPDATE SET operation_name = excluded.operation_name,
             params_hash = excluded.params_hash, status = 'pending', ttl_ms = excluded.ttl_ms, result = NULL,
             executed_at = excluded.executed_at, expires_at = excluded.expires_at`,
          [
            record.operationKey,
            record.operationName,
            record.paramsHash,
            claim.ttlMs,
            record.executedAt,
            record.expiresAt,
          ],
        );
        if (existing !== null) wake(claim.operationKey, null);
        return { stored: true, record };
      }),
    complete: (key, result) =>
      task(() => {
        const now = clock.now();
        const existing = read(key);
        if (existing === null || existing.status !== 'pending')
          throw new Error(`no pending claim under ${key}`);
        const record: IdempotencyRecord = {
          ...plain(existing),
          status: 'completed',
          result,
          executedAt: iso(now),
          expiresAt: iso(now + existing.ttlMs),
        };
        db.run(
          `UPDATE timing_idempotency SET status = 'completed', result = ?, executed_at = ?, expires_at = ?
            WHERE operation_key = ?`,
          [json(result), record.executedAt, record.expiresAt, key],
        );
        wake(key, record);
        return record;
      }),
    release: (key) =>
      task(() => {
        db.run('DELETE FROM timing_idempotency WHERE operation_key = ?', [key]);
        wake(key, null);
      }),
    settled: (key) => async () => {
      try {
        const existing = read(key);
        if (existing === null || Date.parse(existing.expiresAt) <= clock.now())
          return E.right(null);
        if (existing.status !== 'pending') return E.right(plain(existing));
        return await new Promise((resolve) => {
          const ws = waiters.get(key) ?? [];
          ws.push((r) => resolve(E.right(r)));
          waiters.set(key, ws);
        });
      } catch (e) {
        return E.left(failure(e));
      }
    },
  };
};

/** The stored circuit breakers (`circuit_breaker_state`), for `withResilience`'s `breakers`. */
export const loadBreakers = (db: Database): ReadonlyArray<CircuitBreakerRecord> =>
  rows(db, 'SELECT * FROM circuit_breaker_state ORDER BY name').map((r) => ({
    name: String(r.name),
    state: r.state as CircuitBreakerRecord['state'],
    failureCount: Number(r.failure_count),
    successCount: Number(r.success_count),
    lastFailureTime: (r.last_failure_time as string | null) ?? null,
    lastSuccessTime: (r.last_success_time as string | null) ?? null,
    lastStateChange: (r.last_state_change as string | null) ?? null,
  }));

/** Writes the breakers after a run (`ResilientPorts.breakerRecords()`), one row per breaker. */
export const saveBreakers = (
  db: Database,
  breakers: ReadonlyArray<CircuitBreakerRecord>,
  now: string,
): void =>
  transaction(db, () => {
    for (const b of breakers)
      db.run(
        `INSERT INTO circuit_breaker_state (name, state, failure_count, success_count, last_failure_time,
           last_success_time, last_state_change, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET state = excluded.state, failure_count = excluded.failure_count,
           success_count = excluded.success_count, last_failure_time = excluded.last_failure_time,
           last_success_time = excluded.last_success_time, last_state_change = excluded.last_state_change,
           updated_at = excluded.updated_at`,
        [
          b.name,
          b.state,
          b.failureCount,
          b.successCount,
          b.lastFailureTime,
          b.lastSuccessTime,
          b.lastStateChange,
          now,
        ],
      );
  });
