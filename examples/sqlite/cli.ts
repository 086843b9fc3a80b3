/**
 * The SQLite example's command line (run with tsx; the shipped `eros-schedule` CLI has no `--db`):
 *
 *   npx tsx examples/sqlite/cli.ts init --db weeks.sqlite [--creators 3] [--captions 2400] [--seed 42]
 *   npx tsx examples/sqlite/cli.ts plan --db weeks.sqlite [--creator creator_01] [--week-start 2025-01-20] [--seed 42] [--save]
 *
 * `init` creates the tables and writes the demo agency into them. `plan` builds each creator's
 * week (or one creator's) from the database through `sqlitePorts`, under `withResilience`
 * (timeouts, retries, circuit breakers whose state is kept in `circuit_breaker_state`). With
 * `--save`, a passing week is saved through the library's save saga (schedule, then rotation
 * state with a version compare-and-set, compensated in reverse on failure) inside the
 * idempotency guard (`timing_idempotency`): saving the same week again stores nothing new and
 * answers the first template id. The file is written back after a `--save` run.
 *
 * Exit codes: 0 every week built (and, with `--save`, saved or already saved); 1 a build or a save
 * failed; 2 bad arguments or an unreadable file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { buildSchedule, withResilience } from 'eros-schedule';
import { generateDemoAgency } from 'eros-schedule/demo';
import { loadBreakers, openDatabase, rows, saveBreakers, seedDatabase, sqlitePorts } from './store';

const USAGE = `usage:
  cli.ts init --db FILE [--creators N] [--captions N] [--seed N]
  cli.ts plan --db FILE [--creator ID] [--week-start YYYY-MM-DD] [--seed N] [--save]`;

const bad = (message: string): never => {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
};

const wholeNumber = (name: string, v: string | undefined, fallback: number): number => {
  if (v === undefined) return fallback;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? n : bad(`--${name}: expected a whole number, got ${v}`);
};

const main = async (): Promise<number> => {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        creators: { type: 'string' },
        captions: { type: 'string' },
        seed: { type: 'string' },
        creator: { type: 'string' },
        'week-start': { type: 'string' },
        save: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    return bad(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const command = positionals[0];
  const file = typeof values.db === 'string' ? values.db : bad('--db FILE is required');
  const seed = wholeNumber('seed', values.seed as string | undefined, 42);

  if (command === 'init') {
    const creators = wholeNumber('creators', values.creators as string | undefined, 12);
    const captions = wholeNumber('captions', values.captions as string | undefined, 2400);
    const db = await openDatabase();
    seedDatabase(db, generateDemoAgency(seed, { creators, captions }), new Date().toISOString());
    writeFileSync(file, db.export());
    const n = rows(db, 'SELECT COUNT(*) AS n FROM creators')[0]?.n;
    process.stdout.write(
      `${file}: ${n} creators, ${captions} captions (demo agency, seed ${seed})\n`,
    );
    db.close();
    return 0;
  }
  if (command !== 'plan') return bad(`unknown command ${command ?? '(none)'}`);

  const weekStart = (values['week-start'] as string | undefined) ?? '2025-01-20';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(weekStart))
    bad(`--week-start: expected YYYY-MM-DD, got ${weekStart}`);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return bad(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const db = await openDatabase(bytes);
  const clock = { now: () => Date.now() };
  const resilient = withResilience(sqlitePorts(db, { clock, weekStart }), {
    clock,
    sleep: (ms, signal) => delay(ms, undefined, { signal }),
    breakers: loadBreakers(db),
  });
  if (resilient._tag === 'Left') {
    process.stderr.write(`${resilient.left.map((p) => `${p.path}: ${p.message}`).join('\n')}\n`);
    return 1;
  }
  const ports = resilient.right;
  const creators =
    typeof values.creator === 'string'
      ? [values.creator]
      : rows(db, 'SELECT creator_id FROM creators ORDER BY creator_id').map((r) =>
          String(r.creator_id),
        );
  let failed = 0;
  for (const creatorId of creators) {
    const built = await buildSchedule({
      creatorId,
      weekStart,
      seed,
      options: { save: values.save === true },
    })(ports)();
    if (built._tag === 'Left') {
      failed++;
      process.stdout.write(`${creatorId}: not built: ${built.left.message}\n`);
      continue;
    }
    const week = built.right;
    const save = week.save;
    const saved =
      save.status === 'saved'
        ? `saved as template ${save.templateId}`
        : save.status === 'duplicate'
          ? `already saved (template ${save.templateId}), nothing stored`
          : save.status === 'not_requested'
            ? 'not saved (no --save)'
            : `not saved (${save.status}: ${[
                ...week.validation.errors,
                ...week.validation.warnings,
                ...week.validation.notes,
              ]
                .filter((i) => i.code.startsWith('save_') || i.code === 'rotation_version_conflict')
                .map((i) => i.message)
                .join('; ')})`;
    if (save.status === 'failed') failed++;
    process.stdout.write(
      `${creatorId}: ${week.items.length} items, ${week.validation.status} (${week.validation.score}), ${saved}\n`,
    );
  }
  saveBreakers(db, ports.breakerRecords(), new Date(clock.now()).toISOString());
  if (values.save === true) writeFileSync(file, db.export());
  db.close();
  return failed > 0 ? 1 : 0;
};

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
