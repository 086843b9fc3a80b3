export * from './assignTargets';
