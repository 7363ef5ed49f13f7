/**
 * A result's chart, as the renderer draws it and the notebook keeps it (in the cell's metadata and the `.snb` file's
 * cell `chart` key): which kind, which column on X, which on Y (none = count rows), and an optional group-by whose
 * values become one series each. Checked on every read: a file or a webview message may carry anything.
 */
import { arrayOf, isString, objectOf, oneOf, optional, type ShapeType } from './guards';

export const chartKinds = ['bar', 'line', 'area', 'pie', 'scatter'] as const;
export type ChartKind = (typeof chartKinds)[number];

const chartShape = {
  kind: oneOf(...chartKinds),
  x: isString,
  y: arrayOf(isString),
  groupBy: optional(isString),
};
export const isChartSettings = objectOf(chartShape);
export type ChartSettings = ShapeType<typeof chartShape>;
