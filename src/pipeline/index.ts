export * from './assemble';
export * from './batch';
export * from './buildSchedule';
export * from './effects';
export * from './load';
export * from './pins';
export * from './pricing';
export * from './timingEvents';
