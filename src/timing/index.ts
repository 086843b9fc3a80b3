export {
  type DailyVariation,
  dailyVariation,
  preferredHours,
  primeHoursForDay,
} from './dailyVariation';
export {
  applyTimeJitter,
  jitterOffset,
  jitterOrder,
  validJitterOffsets,
} from './jitter';
export { retimeSameStyle } from './retime';
export { scheduleTimes } from './scheduleTimes';
