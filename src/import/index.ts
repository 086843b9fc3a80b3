/**
 * The agency export importer (`eros-schedule/import`): parsers of an agency's exports into an
 * `InMemoryDataset`, pure (the shell reads the files and passes their texts).
 *
 * Source: seed 001 phase 1 "load"; `../shared/real-data/README.md`.
 *
 * @module
 */
export {
  BUMP_BANK_RULES,
  type CaptionFacts,
  type CaptionRule,
  captionTypeOf,
  FOLLOWUP_RULES,
  LINK_DROP_RULES,
  RENEW_RULES,
  SHORT_RULES,
  TIP_RULES,
} from './captions';
export { IMPORTED_FILES, type ImportedFile } from './files';
export { importAgencyExport } from './importAgencyExport';
export {
  type AgencySettings,
  AgencySettingsC,
  BUILT_IN_DEFAULTS,
  type CreatorSettings,
  CreatorSettingsC,
  decodeAgencySettings,
} from './settings';
export type {
  AgencyImport,
  AgencyMessage,
  AssumedDefault,
  AssumedField,
  ExportFiles,
  ExportGap,
  ExportGapCode,
  ImportError,
  ImportErrorCode,
  RowIssue,
} from './types';
