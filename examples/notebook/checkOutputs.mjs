/**
 * Checks the outputs of the executed notebook (`check.sh`): no error output; the first cell says
 * how many items the week has and a passing status; the table cell has one row per item (HTML)
 * and the plain-text table; the calendar cell is HTML with every item; the plot is SVG whose bars
 * add up to the items. Exit 1 with the reasons otherwise.
 */
import { readFileSync } from 'node:fs';

const nb = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const outputs = nb.cells.filter((c) => c.cell_type === 'code').map((c) => c.outputs);
const problems = [];
const text = (o) => (Array.isArray(o) ? o.join('') : (o ?? ''));
outputs.flat().forEach((o) => {
  if (o.output_type === 'error') problems.push(`error output: ${o.ename}: ${o.evalue}`);
});
const [build, table, calendar, plot] = outputs;
const line = text(build?.find((o) => o.output_type === 'stream')?.text);
const m = /^(\d+) items, validation (passed|passed_with_warnings) /.exec(line);
if (m === null) problems.push(`first cell printed ${JSON.stringify(line)}`);
const items = m === null ? -1 : Number(m[1]);
const data = (cell, mime) => text(cell?.find((o) => o.data?.[mime] !== undefined)?.data[mime]);
const rows = (data(table, 'text/html').match(/<tr data-slot=/g) ?? []).length;
if (rows !== items) problems.push(`table has ${rows} rows for ${items} items`);
if (data(table, 'text/plain').length === 0) problems.push('table has no plain-text form');
const html = data(calendar, 'text/html');
if (!html.includes('<') || html.length < 1000) problems.push('calendar is not HTML');
const svg = data(plot, 'image/svg+xml');
const bars = [...svg.matchAll(/data-count="(\d+)"/g)].reduce((s, b) => s + Number(b[1]), 0);
if (!svg.startsWith('<svg')) problems.push('plot is not SVG');
if (bars !== items) problems.push(`plot bars add up to ${bars}, not ${items}`);
if (problems.length > 0) {
  process.stderr.write(`notebook: ${problems.join('; ')}\n`);
  process.exit(1);
}
console.log(
  `notebook: ${items} items, table ${rows} rows, calendar ${html.length} chars, plot ${bars} in bars`,
);
