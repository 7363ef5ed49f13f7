/**
 * A large scatter's points drawn as one image. Canvas 2D records every point's fillRect and rasterises the record
 * when the frame is committed: for the 27,000 points of a thinned 100,000-row scatter that was 47 ms of calls and
 * 45 ms of commit in one frame on a 2-core machine (ECharts' large mode), and ECharts' progressive mode, which spreads
 * the points over frames, commits its layers again each frame (20-30 ms each, the first frame over 60 ms). Setting
 * the points' pixels in a buffer takes a few milliseconds, and the canvas then draws a single image.
 *
 * The image comes from a custom series per data series, named like it: ECharts lays it out in the grid, draws it
 * again on resize, and hides it when the series is switched off in the legend. An invisible large scatter series of
 * the same points (opacity 0 is never painted) keeps the axes' extents and the tooltip of the point under the mouse.
 */
import type { CustomSeriesRenderItem } from 'echarts';
import { extentOf } from './chartData';

/** The rectangle of the grid, and what the custom series' API offers a render call. */
interface RenderContext {
  coordSys: { x: number; y: number; width: number; height: number };
}

/** Linear, as value and time axes are: pixel = origin + (value - from) × scale, per axis. */
interface Mapping {
  fromX: number;
  fromY: number;
  originX: number;
  originY: number;
  scaleX: number;
  scaleY: number;
}

/**
 * The image of one series' points, `size` CSS pixels a point in the series' colour, and the custom series' `renderItem`
 * that shows it. The series' data is the points' two extreme corners; only the first item draws. The image is made
 * again only when the grid, the axes, the colour or the pixel ratio changed. While `deferring`, a render that needs a
 * new image leaves it for `makePending`, so the chart's update can make it in a task of its own and lay out again.
 */
export class PointsImage {
  deferring = false;
  private readonly extent: ReturnType<typeof extentOf>;
  private made: { key: string; canvas: HTMLCanvasElement } | undefined;
  private pending: { key: string; make: () => HTMLCanvasElement } | undefined;

  constructor(
    private readonly points: Float64Array,
    private readonly size: number,
    private readonly doc: Document,
  ) {
    this.extent = extentOf(points);
  }

  /** Whether a deferred render is waiting for its image. */
  get waiting(): boolean {
    return this.pending !== undefined;
  }

  /** Makes the image a deferred render asked for; the next layout shows it. */
  makePending(): void {
    if (this.pending) this.made = { key: this.pending.key, canvas: this.pending.make() };
    this.pending = undefined;
  }

  readonly renderItem: CustomSeriesRenderItem = (params, api) => {
    const extent = this.extent;
    if (params.dataIndex !== 0 || !extent) return null;
    const rect = (params as unknown as RenderContext).coordSys;
    const from = api.coord([extent.minX, extent.minY]);
    const to = api.coord([extent.maxX, extent.maxY]);
    const mapping: Mapping = {
      fromX: extent.minX,
      fromY: extent.minY,
      originX: from[0] - rect.x,
      originY: from[1] - rect.y,
      scaleX: extent.maxX > extent.minX ? (to[0] - from[0]) / (extent.maxX - extent.minX) : 0,
      scaleY: extent.maxY > extent.minY ? (to[1] - from[1]) / (extent.maxY - extent.minY) : 0,
    };
    const ratio = this.doc.defaultView?.devicePixelRatio || 1;
    const color = String(api.visual('color'));
    const key = [rect.width, rect.height, ratio, color, mapping.originX, mapping.originY, mapping.scaleX, mapping.scaleY].join();
    if (this.made?.key !== key) {
      const make = () => paint(this.points, mapping, rect.width, rect.height, ratio, this.size, color, this.doc);
      if (this.deferring) {
        this.pending = { key, make };
        return null;
      }
      this.made = { key, canvas: make() };
    }
    return { type: 'image', silent: true, style: { image: this.made.canvas, x: rect.x, y: rect.y, width: rect.width, height: rect.height } };
  };
}

/** Sets each point's square in a pixel buffer of the grid's size (in device pixels) and puts it in a canvas. */
function paint(points: Float64Array, mapping: Mapping, width: number, height: number, ratio: number, size: number, color: string, doc: Document): HTMLCanvasElement {
  const canvas = doc.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * ratio));
  canvas.height = Math.max(1, Math.round(height * ratio));
  const context = canvas.getContext('2d');
  if (!context) return canvas;
  const image = context.createImageData(canvas.width, canvas.height);
  // Int32, and the colour as a signed 32-bit number: a Uint32 value over 2^31 is a heap number on every store.
  const pixels = new Int32Array(image.data.buffer);
  const value = packed(color, doc);
  const side = Math.max(1, Math.round(size * ratio));
  const half = side / 2;
  const columns = canvas.width;
  const rows = canvas.height;
  for (let i = 0; i < points.length; i += 2) {
    const x = (mapping.originX + (points[i] - mapping.fromX) * mapping.scaleX) * ratio;
    const y = (mapping.originY + (points[i + 1] - mapping.fromY) * mapping.scaleY) * ratio;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    // The square's own edges, then clipped: a point on the grid's edge keeps the part of its square inside.
    const fromLeft = Math.round(x - half);
    const fromTop = Math.round(y - half);
    const left = Math.max(0, fromLeft);
    const top = Math.max(0, fromTop);
    const right = Math.min(columns, fromLeft + side);
    const bottom = Math.min(rows, fromTop + side);
    // Plain stores: a typed array's fill() costs a call per row, more than the 3 pixels it sets.
    for (let row = top; row < bottom; row++) {
      const start = row * columns;
      for (let column = left; column < right; column++) pixels[start + column] = value;
    }
  }
  context.putImageData(image, 0, 0);
  return canvas;
}

const packedColours = new Map<string, number>();

/** A CSS colour as one RGBA pixel in the buffer's byte order, read back from a 1×1 canvas (any CSS colour works). */
function packed(color: string, doc: Document): number {
  const known = packedColours.get(color);
  if (known !== undefined) return known;
  const value = probed(color, doc);
  packedColours.set(color, value);
  return value;
}

function probed(color: string, doc: Document): number {
  const probe = doc.createElement('canvas');
  probe.width = 1;
  probe.height = 1;
  const context = probe.getContext('2d');
  if (!context) return 0xff000000 | 0;
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  return new Int32Array(context.getImageData(0, 0, 1, 1).data.buffer)[0];
}
