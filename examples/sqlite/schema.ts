/**
 * The SQLite schema of the example store: the seed tables, with the seeds' column names.
 *
 * - From seed 004 as written: `ppv_followup_tracking`, `creator_rotation_state` (plus `version`
 *   for the compare-and-set of issue 5 and `state_json`, the library's full record),
 *   `circuit_breaker_state`, `volume_predictions`, `volume_calculation_log`,
 *   `volume_adjustment_outcomes` (plus `record_json`), `saga_execution_log`, `timing_idempotency`
 *   (plus `status`, the library's claim state) and the view `v_circuit_breaker_health`; and
 *   `creator_rotation_state_history`, every version of the rotation state.
 * - Tables the seeds only name (`creators`, `caption_bank`, `mass_messages`,
 *   `schedule_templates`, `schedule_items`) and the per-creator records the ports read, defined
 *   from the domain types (ISSUE-NOTES "The seed tables"): a column per field the queries filter
 *   or sort on, and the whole record as JSON where the shape is nested.
 *
 * Source: seed 004 (tables and views); seed 001 "MCP Tools Reference" and §7.4 `save_schedule`.
 */
export const SCHEMA_SQL = `
PRAGMA foreign_keys = ON;

CREATE TABLE IF NOT EXISTS creators (
  creator_id TEXT PRIMARY KEY,
  display_name TEXT,
  page_type TEXT NOT NULL CHECK (page_type IN ('paid', 'free')),
  fan_count INTEGER NOT NULL,
  timezone TEXT NOT NULL,
  content_page_type TEXT NOT NULL,
  sub_type TEXT NOT NULL,
  performance_tier INTEGER NOT NULL,
  avg_revenue_per_message REAL,
  profile_json TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS caption_bank (
  caption_id TEXT PRIMARY KEY,
  caption_text TEXT NOT NULL,
  caption_type TEXT NOT NULL,
  content_type TEXT,
  performance_score REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_caption_type_perf ON caption_bank (caption_type, performance_score DESC, caption_id);

CREATE TABLE IF NOT EXISTS caption_creator_usage (
  caption_id TEXT NOT NULL REFERENCES caption_bank (caption_id) ON DELETE CASCADE,
  creator_id TEXT NOT NULL,
  last_used_at TEXT NOT NULL,
  use_count INTEGER NOT NULL,
  PRIMARY KEY (caption_id, creator_id)
);
CREATE INDEX IF NOT EXISTS idx_usage_creator ON caption_creator_usage (creator_id);

CREATE TABLE IF NOT EXISTS mass_messages (
  message_id INTEGER PRIMARY KEY AUTOINCREMENT,
  creator_id TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  sent_at_ms INTEGER NOT NULL,
  send_type_key TEXT NOT NULL,
  price REAL,
  sent_count INTEGER NOT NULL,
  viewed_count INTEGER NOT NULL,
  purchased_count INTEGER NOT NULL,
  earnings REAL NOT NULL,
  caption_id TEXT,
  message_json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_mm_creator_time ON mass_messages (creator_id, sent_at_ms);

CREATE TABLE IF NOT EXISTS creator_records (
  creator_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('trends', 'vault', 'best_timing', 'persona', 'content_rankings', 'active_pins', 'timing_profile')),
  record_json TEXT NOT NULL,
  PRIMARY KEY (creator_id, kind)
);

CREATE TABLE IF NOT EXISTS schedule_templates (
  template_id INTEGER PRIMARY KEY AUTOINCREMENT,
  creator_id TEXT NOT NULL,
  week_start TEXT NOT NULL,
  generated_at TEXT NOT NULL,
  status TEXT NOT NULL,
  total_items INTEGER NOT NULL,
  validation_score REAL NOT NULL,
  seed TEXT NOT NULL,
  result_json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_templates_creator_week ON schedule_templates (creator_id, week_start);

CREATE TABLE IF NOT EXISTS schedule_items (
  item_id INTEGER PRIMARY KEY AUTOINCREMENT,
  template_id INTEGER NOT NULL REFERENCES schedule_templates (template_id) ON DELETE CASCADE,
  slot_id TEXT NOT NULL,
  scheduled_date TEXT NOT NULL,
  scheduled_time TEXT NOT NULL,
  scheduled_at TEXT NOT NULL,
  send_type_key TEXT NOT NULL,
  channel_key TEXT NOT NULL,
  target_key TEXT NOT NULL,
  caption_id TEXT,
  caption_text TEXT NOT NULL,
  suggested_price REAL,
  is_follow_up INTEGER NOT NULL,
  parent_item_id TEXT,
  item_json TEXT NOT NULL,
  UNIQUE (template_id, slot_id)
);

CREATE TABLE IF NOT EXISTS ppv_followup_tracking (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  creator_id TEXT NOT NULL,
  parent_ppv_id TEXT NOT NULL,
  parent_time TEXT NOT NULL,
  followup_time TEXT NOT NULL,
  gap_minutes REAL NOT NULL,
  ppv_type TEXT NOT NULL,
  is_optimal_window INTEGER DEFAULT 0,
  schedule_template_id INTEGER REFERENCES schedule_templates (template_id) ON DELETE CASCADE,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_followup_creator ON ppv_followup_tracking (creator_id);
CREATE INDEX IF NOT EXISTS idx_followup_gap ON ppv_followup_tracking (gap_minutes);

CREATE TABLE IF NOT EXISTS creator_rotation_state (
  creator_id TEXT PRIMARY KEY,
  rotation_pattern TEXT NOT NULL,
  pattern_start_date TEXT NOT NULL,
  days_on_pattern INTEGER DEFAULT 0,
  current_state TEXT DEFAULT 'initializing',
  version INTEGER NOT NULL,
  state_json TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_rotation_state_updated ON creator_rotation_state (updated_at);
CREATE INDEX IF NOT EXISTS idx_rotation_current_state ON creator_rotation_state (current_state);

-- Every version of a creator's rotation state, so a week is planned from the state before it
-- (re-planning a saved week reads what its first plan read; see store.ts getRotationState).
CREATE TABLE IF NOT EXISTS creator_rotation_state_history (
  creator_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  last_scheduled_date TEXT,
  state_json TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  PRIMARY KEY (creator_id, version)
);

CREATE TABLE IF NOT EXISTS circuit_breaker_state (
  name TEXT PRIMARY KEY,
  state TEXT NOT NULL DEFAULT 'closed',
  failure_count INTEGER DEFAULT 0,
  success_count INTEGER DEFAULT 0,
  last_failure_time TEXT,
  last_success_time TEXT,
  last_state_change TEXT,
  updated_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS volume_predictions (
  prediction_id INTEGER PRIMARY KEY AUTOINCREMENT,
  creator_id TEXT NOT NULL REFERENCES creators (creator_id) ON DELETE CASCADE,
  predicted_at TEXT NOT NULL,
  input_fan_count INTEGER,
  input_page_type TEXT,
  input_saturation REAL,
  input_opportunity REAL,
  predicted_tier TEXT,
  predicted_revenue_per_day INTEGER,
  predicted_engagement_per_day INTEGER,
  predicted_retention_per_day INTEGER,
  predicted_weekly_revenue REAL,
  predicted_weekly_messages INTEGER,
  schedule_template_id INTEGER REFERENCES schedule_templates (template_id) ON DELETE SET NULL,
  week_start_date TEXT,
  actual_total_revenue REAL,
  actual_messages_sent INTEGER,
  actual_avg_rps REAL,
  outcome_measured INTEGER DEFAULT 0,
  outcome_measured_at TEXT,
  revenue_prediction_error_pct REAL,
  volume_prediction_error_pct REAL,
  algorithm_version TEXT DEFAULT '2.0'
);
CREATE INDEX IF NOT EXISTS idx_vp_week_start ON volume_predictions (week_start_date);

CREATE TABLE IF NOT EXISTS volume_calculation_log (
  log_id INTEGER PRIMARY KEY AUTOINCREMENT,
  creator_id TEXT NOT NULL REFERENCES creators (creator_id) ON DELETE CASCADE,
  calculated_at TEXT NOT NULL,
  fan_count INTEGER,
  page_type TEXT CHECK (page_type IN ('paid', 'free')),
  saturation_score REAL,
  opportunity_score REAL,
  tier TEXT CHECK (tier IN ('low', 'mid', 'high', 'ultra')),
  revenue_per_day INTEGER,
  engagement_per_day INTEGER,
  retention_per_day INTEGER,
  schedule_template_id INTEGER REFERENCES schedule_templates (template_id) ON DELETE SET NULL,
  data_source TEXT DEFAULT 'dynamic',
  calculation_version TEXT DEFAULT '1.0',
  confidence_score REAL,
  caption_constrained INTEGER DEFAULT 0,
  message_count_analyzed INTEGER,
  multi_horizon_used INTEGER DEFAULT 0,
  dow_adjusted INTEGER DEFAULT 0,
  elasticity_capped INTEGER DEFAULT 0,
  notes TEXT
);

CREATE TABLE IF NOT EXISTS volume_adjustment_outcomes (
  outcome_id INTEGER PRIMARY KEY AUTOINCREMENT,
  log_id INTEGER,
  creator_id TEXT NOT NULL,
  measured_at TEXT,
  measurement_period TEXT DEFAULT '14d',
  outcome_classification TEXT,
  learning_signal REAL,
  applied_to_learning INTEGER DEFAULT 0,
  record_json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_outcomes_creator ON volume_adjustment_outcomes (creator_id);

CREATE TABLE IF NOT EXISTS saga_execution_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  saga_id TEXT NOT NULL,
  creator_id TEXT NOT NULL,
  status TEXT NOT NULL,
  steps_completed TEXT,
  failed_step TEXT,
  error_message TEXT,
  compensation_errors TEXT,
  execution_time_ms REAL,
  started_at TEXT,
  completed_at TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS timing_idempotency (
  operation_key TEXT PRIMARY KEY,
  operation_name TEXT NOT NULL,
  params_hash TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'completed', 'failed')),
  ttl_ms INTEGER NOT NULL,
  result TEXT,
  executed_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);

CREATE VIEW IF NOT EXISTS v_circuit_breaker_health AS
SELECT
  name,
  state,
  failure_count,
  success_count,
  CASE
    WHEN failure_count + success_count > 0
    THEN ROUND(CAST(success_count AS REAL) / (failure_count + success_count) * 100, 2)
    ELSE 100.0
  END AS success_rate_pct,
  last_failure_time,
  last_success_time,
  CAST((julianday('now') - julianday(last_state_change)) * 24 * 60 AS INTEGER) AS minutes_in_state
FROM circuit_breaker_state;
`;
