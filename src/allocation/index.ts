export * from './allocateWeek';
export * from './strategies';
