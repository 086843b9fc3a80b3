export { applyTimeJitter, blockIndex, isRoundMinute, jitterOffset, jitterOrder, validJitterOffsets } from './jitter';
export { type DailyVariation, dailyVariation, preferredHours, primeHoursForDay } from './dailyVariation';
export { scheduleTimes } from './scheduleTimes';
