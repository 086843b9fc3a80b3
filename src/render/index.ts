/**
 * Pure renderers of a built week and the explanation of its items.
 *
 * @module
 */

export * from './csv';
export {
  explainItem,
  type ItemExplanation,
  type SlotNotFound,
  type TimeExplanation,
} from './explain';
export { toHtml } from './html';
export * from './ics';
export * from './table';
