/**
 * Pure renderers of a built week.
 *
 * @module
 */
export { toHtml } from './html';
