/**
 * Phase 1: load through the ports, decode at the boundary, apply the seed's fallbacks.
 * Source: seed 001 §1.1-§1.6, phase 1 recovery table; STYLE "io-ts".
 *
 * @module
 */
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type * as RTE from 'fp-ts/lib/ReaderTaskEither.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import * as t from 'io-ts';
import type { SendTypeKey } from '../domain/catalog';
import {
  BestTimingC,
  CaptionC,
  ContentTypeRankingC,
  CreatorProfileC,
  decodeWith,
  MassMessageC,
  PerformanceTrendsC,
  PersonaC,
  RotationStateC,
  VaultC,
} from '../domain/codecs';
import {
  type Issue,
  issue,
  type PortError,
  portErrorToScheduleError,
  type ScheduleError,
} from '../domain/issues';
import type { SchedulePolicy } from '../domain/policy';
import type { LoadedData } from '../domain/stages';
import { addDaysIso, epochMinuteToIso, localToEpochMinute } from '../domain/time';
import type { CreatorProfile } from '../domain/types';
import type { SchedulePorts } from '../ports/ports';

const portFailure = (e: PortError): ScheduleError => portErrorToScheduleError(e, 'load');

const decodeFailure = (issues: ReadonlyArray<Issue>, port: string): ScheduleError => ({
  code: 'DECODE_FAILED',
  message: `${port} returned data that does not decode: ${issues.map((i) => i.message).join('; ')}`,
  issues,
});

/** Decodes a port answer; `null` stays `null`. */
const decodeNullable =
  <A>(codec: t.Decoder<unknown, A>, root: string, port: string) =>
  (value: unknown): E.Either<ScheduleError, A | null> =>
    value === null || value === undefined
      ? E.right(null)
      : pipe(
          decodeWith(codec, value, root, 'load'),
          E.mapLeft((is) => decodeFailure(is, port)),
        );

/**
 * An optional read: a port failure degrades to `null` with a warning instead of aborting
 * (001 phase 1 recovery: trends, vault, timing and persona have fallbacks).
 */
const optionalRead = <A>(
  port: string,
  task: TE.TaskEither<PortError, unknown>,
  codec: t.Decoder<unknown, A>,
): TE.TaskEither<ScheduleError, readonly [A | null, ReadonlyArray<Issue>]> =>
  pipe(
    task,
    TE.foldW(
      (e) =>
        TE.right([
          null,
          [
            issue(
              'load',
              'warning',
              'port_failed',
              `${port} failed (${e.message}) - using the fallback`,
              { port },
            ),
          ],
        ] as const),
      (v) =>
        TE.fromEither(
          pipe(
            decodeNullable(codec, port, port)(v),
            E.map((a) => [a, []] as const),
          ),
        ),
    ),
  );

/**
 * Wraps the caption port so that every caption it returns is decoded at the boundary; a caption
 * that fails to decode makes the call fail with the paths named.
 *
 * @since 0.1.0
 * @category pipeline
 */
export const decodingPorts = (ports: SchedulePorts): SchedulePorts => ({
  ...ports,
  getCaptionCandidates: (query) =>
    pipe(
      ports.getCaptionCandidates(query),
      TE.chainEitherK((cs) =>
        pipe(
          decodeWith(t.array(CaptionC), cs, 'captions', 'content'),
          E.mapLeft(
            (is): PortError => ({
              port: 'getCaptionCandidates',
              message: is.map((i) => i.message).join('; '),
              decodeIssues: is,
            }),
          ),
        ),
      ),
    ),
});

/**
 * Phase 1 output with the creator profile.
 *
 * @since 0.1.0
 * @category pipeline
 */
export interface Loaded {
  readonly creator: CreatorProfile;
  readonly loaded: LoadedData;
  /** Usable captions per send type for the caption-pool check, `null` when the port does not count. */
  readonly usableCaptions: Readonly<Partial<Record<SendTypeKey, number>>> | null;
}

/**
 * Phase 1: reads the profile (required: `CREATOR_NOT_FOUND` when absent, `PORT_FAILURE` when the
 * port fails), then in parallel the trends, `dowHistoryDays` of history before `weekStart`, vault,
 * best timing, persona and rotation state, each decoded (`DECODE_FAILED` naming the path).
 * Fallbacks (001 phase 1 recovery): no trends -> neutral scores later; no vault -> everything
 * assumed available (`vault_missing_assumed`); no timing -> generic peak hours
 * (`timing_default`); no persona -> neutral persona score (`persona_missing`).
 *
 * Source: seed 001 §1.1-§1.6 and its phase 1 recovery procedures.
 *
 * @since 0.1.0
 * @category pipeline
 */
export const loadCreatorData =
  (
    creatorId: string,
    weekStart: string,
    policy: SchedulePolicy,
  ): RTE.ReaderTaskEither<SchedulePorts, ScheduleError, Loaded> =>
  (ports) =>
    pipe(
      ports.getCreatorProfile(creatorId),
      TE.mapLeft(portFailure),
      TE.chainEitherK(decodeNullable(CreatorProfileC, 'creator', 'getCreatorProfile')),
      TE.chain((creator) =>
        creator === null
          ? TE.left<ScheduleError, CreatorProfile>({
              code: 'CREATOR_NOT_FOUND',
              message: `Creator ID '${creatorId}' not found`,
              issues: [
                issue(
                  'load',
                  'error',
                  'creator_not_found',
                  `Creator ID '${creatorId}' not found`,
                  { creatorId },
                  'creatorId',
                ),
              ],
            })
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
        const history = pipe(
          ports.getMassMessageHistory(creatorId, from, to),
          TE.mapLeft(portFailure),
          TE.chainEitherK((hs) =>
            pipe(
              decodeWith(t.array(MassMessageC), hs, 'history', 'load'),
              E.mapLeft((is) => decodeFailure(is, 'getMassMessageHistory')),
            ),
          ),
        );
        const counts: TE.TaskEither<
          ScheduleError,
          Readonly<Partial<Record<SendTypeKey, number>>> | null
        > = ports.countUsableCaptions
          ? pipe(
              ports.countUsableCaptions(creatorId, weekStart, null),
              TE.map((c) => c as Readonly<Partial<Record<SendTypeKey, number>>> | null),
              TE.orElseW(() => TE.right(null)),
            )
          : TE.right(null);
        return pipe(
          TE.Do,
          TE.apS(
            'trends',
            optionalRead(
              'getPerformanceTrends',
              ports.getPerformanceTrends(creatorId, weekStart),
              PerformanceTrendsC,
            ),
          ),
          TE.apS('history', history),
          TE.apS(
            'vault',
            optionalRead('getVaultAvailability', ports.getVaultAvailability(creatorId), VaultC),
          ),
          TE.apS(
            'timing',
            optionalRead('getBestTiming', ports.getBestTiming(creatorId), BestTimingC),
          ),
          TE.apS(
            'persona',
            optionalRead('getPersonaProfile', ports.getPersonaProfile(creatorId), PersonaC),
          ),
          TE.apS(
            'rotation',
            optionalRead('getRotationState', ports.getRotationState(creatorId), RotationStateC),
          ),
          TE.apS(
            'rankings',
            ports.getContentTypeRankings
              ? optionalRead(
                  'getContentTypeRankings',
                  ports.getContentTypeRankings(creatorId),
                  t.array(ContentTypeRankingC),
                )
              : TE.right([null, []] as const),
          ),
          TE.apS('counts', counts),
          TE.map(
            ({
              trends,
              history: hs,
              vault,
              timing,
              persona,
              rotation,
              rankings,
              counts: usable,
            }): Loaded => {
              const issues: Issue[] = [
                ...trends[1],
                ...vault[1],
                ...timing[1],
                ...persona[1],
                ...rotation[1],
                ...rankings[1],
              ];
              if (trends[0] === null)
                issues.push(
                  issue(
                    'load',
                    'info',
                    'trends_missing',
                    'Performance trends unavailable - scores from history or neutral defaults',
                    {},
                  ),
                );
              if (vault[0] === null)
                issues.push(
                  issue(
                    'load',
                    'warning',
                    'vault_missing_assumed',
                    'Vault data missing - assuming content availability',
                    {},
                  ),
                );
              if (timing[0] === null)
                issues.push(
                  issue(
                    'load',
                    'info',
                    'timing_default',
                    `Best timing data missing - using generic peak hours ${policy.timing.defaultPeakHours.join(', ')}`,
                    {},
                  ),
                );
              if (persona[0] === null)
                issues.push(
                  issue(
                    'load',
                    'info',
                    'persona_missing',
                    'Persona profile missing - neutral persona scores',
                    {},
                  ),
                );
              const fallbackTiming = {
                peakHours: policy.timing.defaultPeakHours,
                avoidHours: policy.timing.defaultAvoidHours,
                hourlyPerformance: {},
              };
              const sortedHistory = [...hs].sort((a, b) => a.sentAt.localeCompare(b.sentAt));
              return {
                creator,
                loaded: {
                  trends: trends[0],
                  history: sortedHistory,
                  vault: vault[0],
                  timing: timing[0] ?? fallbackTiming,
                  timingIsDefault: timing[0] === null,
                  persona: persona[0],
                  rotationState: rotation[0],
                  contentRankings: rankings[0],
                  issues,
                },
                usableCaptions: usable,
              };
            },
          ),
        );
      }),
    );
