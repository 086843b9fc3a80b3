/**
 * Phase 1: load through the ports, decode at the boundary, apply the seed's fallbacks.
 * Source: seed 001 §1.1-§1.6, phase 1 recovery table; STYLE "io-ts"; RULINGS "port faults".
 *
 * @module
 */

import { pipe } from 'fp-ts/lib/function.js';
import type * as RTE from 'fp-ts/lib/ReaderTaskEither.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import * as t from 'io-ts';
import type { SendTypeKey } from '../domain/catalog';
import {
  BestTimingC,
  CampaignRecordC,
  ContentTypeRankingC,
  CreatorProfileC,
  MassMessageC,
  NonNegativeIntC,
  nullable,
  PerformanceTrendsC,
  PersonaC,
  SendTypeKeyC,
  VaultC,
} from '../domain/codecs';
import { type Issue, issue, type ScheduleError, scheduleError } from '../domain/issues';
import type { SchedulePolicy } from '../domain/policy';
import type { LoadedData } from '../domain/stages';
import { addDaysIso, epochMinuteToIso, localToEpochMinute } from '../domain/time';
import type { CreatorProfile } from '../domain/types';
import { callPort, hasPort, optional, required } from '../ports/boundary';
import type { PortName, SchedulePorts } from '../ports/ports';
import type { Trace } from '../ports/trace';
import { VolumeAdjustmentOutcomeRecordC } from '../records/codecs';
import { readStoredRotationState } from '../rotation/stored';
import { ActivePinsC } from '../timing/pins';
import { CreatorTimingProfileC } from '../timing/profile';

/**
 * Phase 1 output with the creator profile.
 *
 * @since 0.1.0
 * @category pipeline
 */
export interface Loaded {
  /** The creator's decoded profile (`getCreatorProfile`, 001 §1.1). */
  readonly creator: CreatorProfile;
  /** Everything else phase 1 read, with the seed's fallbacks applied and its issues. */
  readonly loaded: LoadedData;
  /** Usable captions per send type for the caption-pool check, `null` when the port does not count. */
  readonly usableCaptions: Readonly<Partial<Record<SendTypeKey, number>>> | null;
}

const UsableCountsC = t.record(SendTypeKeyC, NonNegativeIntC);

const NO_OUTCOMES: readonly [null, ReadonlyArray<Issue>] = [null, []];

/**
 * Phase 1: reads the profile (required: `CREATOR_NOT_FOUND` when the port answers `null`), then
 * concurrently the history of the `dowHistoryDays` before `weekStart` (required) and the
 * optional reads - trends, vault, best timing, persona, rotation state, content-type rankings,
 * the creator timing profile (003 task 2.8), the current pins (003 task 2.5), the past
 * adjustment outcomes (004, the learning signal), usable caption counts - every call through
 * the port boundary (`callPort`): a required port's fault is a `Left` naming it
 * (`PORT_FAILURE`, `PORT_TIMEOUT`, `DECODE_FAILED` with paths); an optional port's fault
 * degrades to its seed fallback with a `port_failed` warning.
 *
 * Fallbacks (001 phase 1 recovery): no trends -> scores from history or neutral
 * (`trends_missing`); no vault -> everything assumed available (`vault_missing_assumed`); no
 * timing -> generic peak hours (`timing_default`); no persona -> neutral persona score
 * (`persona_missing`); no timing profile -> the default follow-up window, jitter and no AM/PM
 * preference (not reported: the profile is optional data); no current pins -> `[]` (003 task
 * 2.5 `_load_active_pins` on an empty table); no adjustment outcomes -> no learning signal (the
 * field is left out, and without the port the read is not even a step, so the week is the one
 * built before the port existed). A pins answer is decoded with `ActivePinsC` (unique
 * `postId`s, `pinEnd` after `pinStart`): garbage is a `port_failed` warning (kind `decode`, the
 * failing paths in its reason) and no current pins.
 *
 * Source: seed 001 §1.1-§1.6 and its phase 1 recovery procedures.
 *
 * @example
 * import { DEFAULT_POLICY, inMemoryPorts, loadCreatorData, newTrace } from 'eros-schedule';
 * import { generateDemoAgency } from 'eros-schedule/demo';
 *
 * const ports = inMemoryPorts(generateDemoAgency(42));
 * const trace = newTrace(undefined);
 * const loaded = await loadCreatorData('creator_04', '2025-01-20', DEFAULT_POLICY, trace)(ports)();
 * if (loaded._tag === 'Left') throw new Error(loaded.left.message); // CREATOR_NOT_FOUND, PORT_FAILURE...
 * const data = loaded.right;
 * data.creator.timezone; // 'America/Los_Angeles'
 * data.loaded.issues.map((i) => i.code); // ['trends_missing']: no tracked trends, scores from history
 *
 * @since 0.1.0
 * @category pipeline
 */
export const loadCreatorData =
  (
    creatorId: string,
    weekStart: string,
    policy: SchedulePolicy,
    trace: Trace,
  ): RTE.ReaderTaskEither<SchedulePorts, ScheduleError, Loaded> =>
  (ports) => {
    const req = { trace, phase: 'load' as const, fallback: null };
    const opt = (fallback: string) => ({ trace, phase: 'load' as const, fallback });
    const optionalRead = <A>(
      name: PortName,
      args: ReadonlyArray<unknown>,
      codec: t.Decoder<unknown, A>,
      root: string,
      fallback: string,
    ): TE.TaskEither<ScheduleError, readonly [A | null, ReadonlyArray<Issue>]> =>
      hasPort(ports, name)
        ? TE.fromTask(
            optional(callPort(opt(fallback), ports, name, args, codec, root), null, fallback),
          )
        : TE.right([null, []] as const);
    return pipe(
      required(
        'load',
        callPort(
          req,
          ports,
          'getCreatorProfile',
          [creatorId],
          nullable(CreatorProfileC),
          'creator',
        ),
      ),
      TE.chain((creator) =>
        creator === null
          ? TE.left<ScheduleError, CreatorProfile>(
              scheduleError('CREATOR_NOT_FOUND', 'load', [
                issue('creator_not_found', { creatorId }, 'creatorId'),
              ]),
            )
          : TE.right(creator),
      ),
      TE.chain((creator) => {
        const from = epochMinuteToIso(
          localToEpochMinute(
            addDaysIso(weekStart, -policy.volume.dowHistoryDays),
            0,
            creator.timezone,
          ),
        );
        const to = epochMinuteToIso(localToEpochMinute(weekStart, 0, creator.timezone));
        return pipe(
          TE.Do,
          TE.apS(
            'history',
            required(
              'load',
              callPort(
                req,
                ports,
                'getMassMessageHistory',
                [creatorId, from, to],
                t.array(MassMessageC),
                'history',
              ),
            ),
          ),
          TE.apS(
            'trends',
            optionalRead(
              'getPerformanceTrends',
              [creatorId, weekStart],
              nullable(PerformanceTrendsC),
              'trends',
              'scores from history or neutral defaults',
            ),
          ),
          TE.apS(
            'vault',
            optionalRead(
              'getVaultAvailability',
              [creatorId],
              nullable(VaultC),
              'vault',
              'all content assumed available',
            ),
          ),
          TE.apS(
            'timing',
            optionalRead(
              'getBestTiming',
              [creatorId],
              nullable(BestTimingC),
              'timing',
              'generic peak hours',
            ),
          ),
          TE.apS(
            'persona',
            optionalRead(
              'getPersonaProfile',
              [creatorId],
              nullable(PersonaC),
              'persona',
              'neutral persona scores',
            ),
          ),
          TE.apS(
            'rotation',
            optionalRead(
              'getRotationState',
              [creatorId],
              t.unknown,
              'rotationState',
              'no rotation state',
            ),
          ),
          TE.apS(
            'rankings',
            optionalRead(
              'getContentTypeRankings',
              [creatorId],
              nullable(t.array(ContentTypeRankingC)),
              'contentRankings',
              'equal content weighting',
            ),
          ),
          TE.apS(
            'timingProfile',
            optionalRead(
              'getTimingProfile',
              [creatorId],
              nullable(CreatorTimingProfileC),
              'timingProfile',
              'the default timing (no creator timing profile)',
            ),
          ),
          TE.apS(
            'pins',
            optionalRead(
              'getActivePins',
              [creatorId],
              nullable(ActivePinsC),
              'activePins',
              'no current pins',
            ),
          ),
          TE.apS(
            'campaigns',
            optionalRead(
              'getCampaignHistory',
              [creatorId, from, to],
              nullable(t.array(CampaignRecordC)),
              'campaignHistory',
              'the campaigns of the mass-message history only',
            ),
          ),
          TE.apS(
            'counts',
            optionalRead(
              'countUsableCaptions',
              [creatorId, weekStart, null],
              nullable(UsableCountsC),
              'usableCaptions',
              'no caption-pool check',
            ),
          ),
          // Only with the port: an absent one adds no step, so the calls and their audit
          // events keep the order of a build without it.
          (group) =>
            hasPort(ports, 'getAdjustmentOutcomes')
              ? pipe(
                  group,
                  TE.apS(
                    'outcomes',
                    optionalRead(
                      'getAdjustmentOutcomes',
                      [creatorId, weekStart],
                      nullable(t.array(VolumeAdjustmentOutcomeRecordC)),
                      'adjustmentOutcomes',
                      'no learning signal (the 002 multipliers as the rule gives them)',
                    ),
                  ),
                )
              : pipe(
                  group,
                  TE.map((g) => ({ ...g, outcomes: NO_OUTCOMES })),
                ),
          TE.map(
            ({
              history,
              trends,
              vault,
              timing,
              persona,
              rotation,
              rankings,
              timingProfile,
              pins,
              campaigns,
              outcomes,
              counts,
            }): Loaded => {
              // Any stored shape is read; what cannot be is reported and recovered from.
              const stored = readStoredRotationState(rotation[0], creatorId, weekStart);
              const issues: Issue[] = [
                ...trends[1],
                ...vault[1],
                ...timing[1],
                ...persona[1],
                ...rotation[1],
                ...stored.issues,
                ...rankings[1],
                ...timingProfile[1],
                ...pins[1],
                ...campaigns[1],
                ...outcomes[1],
                ...counts[1],
              ];
              if (trends[0] === null) issues.push(issue('trends_missing', {}));
              if (vault[0] === null) issues.push(issue('vault_missing_assumed', {}));
              if (timing[0] === null)
                issues.push(
                  issue('timing_default', {
                    peakHours: policy.timing.defaultPeakHours,
                    avoidHours: policy.timing.defaultAvoidHours,
                  }),
                );
              if (persona[0] === null) issues.push(issue('persona_missing', {}));
              const fallbackTiming = {
                peakHours: policy.timing.defaultPeakHours,
                avoidHours: policy.timing.defaultAvoidHours,
                hourlyPerformance: {},
              };
              const sortedHistory = [...history].sort((a, b) =>
                a.sentAt < b.sentAt ? -1 : a.sentAt > b.sentAt ? 1 : 0,
              );
              return {
                creator,
                loaded: {
                  trends: trends[0],
                  history: sortedHistory,
                  vault: vault[0],
                  timing: timing[0] ?? fallbackTiming,
                  timingIsDefault: timing[0] === null,
                  persona: persona[0],
                  rotationState: stored.state,
                  contentRankings: rankings[0],
                  timingProfile: timingProfile[0],
                  activePins: pins[0] ?? [],
                  campaignHistory: campaigns[0] ?? [],
                  ...(outcomes[0] === null || outcomes[0].length === 0
                    ? {}
                    : { adjustmentOutcomes: outcomes[0] }),
                  issues,
                },
                usableCaptions: counts[0] as Readonly<Partial<Record<SendTypeKey, number>>> | null,
              };
            },
          ),
        );
      }),
    );
  };
