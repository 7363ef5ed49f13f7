/**
 * A large scatter's points image: where each point's pixels land, in the series' colour, and the deferral that lets
 * the chart make the image in a task of its own. The browser's canvas is stood in for by pixel buffers (vitest runs
 * in Node); the mapping comes from the custom series API's `coord`, as ECharts gives it after layout.
 */
import { describe, expect, it } from 'vitest';
import { extentOf } from '../../media/renderer/chartData';
import { PointsImage } from '../../media/renderer/scatterRaster';

interface FakeCanvas {
  width: number;
  height: number;
  pixels?: Int32Array;
  getContext(): unknown;
}

/** A document whose canvases keep what is put into them; `fill` is the one colour every probe reads back. */
function fakeDocument(fill: number): Document {
  const createElement = () => {
    const canvas: FakeCanvas = {
      width: 0,
      height: 0,
      getContext: () => ({
        fillStyle: '',
        fillRect() {},
        getImageData: () => ({ data: new Uint8ClampedArray(new Int32Array([fill]).buffer) }),
        createImageData: (w: number, h: number) => ({ data: new Uint8ClampedArray(w * h * 4) }),
        putImageData: (image: { data: Uint8ClampedArray }) => {
          canvas.pixels = new Int32Array(image.data.buffer);
        },
      }),
    };
    return canvas;
  };
  return { createElement, defaultView: { devicePixelRatio: 1 } } as unknown as Document;
}

/** The grid is 100 × 50 pixels at (10, 20); X 0..10 spans it left to right, Y 0..5 bottom to top. */
const grid = { x: 10, y: 20, width: 100, height: 50 };
const coord = ([x, y]: number[]) => [grid.x + x * 10, grid.y + grid.height - y * 10];
const params = (dataIndex: number) => ({ dataIndex, coordSys: grid }) as never;
const api = { coord, visual: () => '#ff0000' } as never;

function imageOf(result: unknown): FakeCanvas {
  const element = result as { type: string; style: { image: FakeCanvas; x: number; y: number; width: number; height: number } };
  expect(element.type).toBe('image');
  expect([element.style.x, element.style.y, element.style.width, element.style.height]).toEqual([grid.x, grid.y, grid.width, grid.height]);
  return element.style.image;
}

/** The pixels set in a canvas, as "x,y". */
function setPixels(canvas: FakeCanvas, colour: number): string[] {
  const set: string[] = [];
  canvas.pixels!.forEach((value, i) => {
    if (value === colour) set.push(`${i % canvas.width},${Math.floor(i / canvas.width)}`);
  });
  return set;
}

describe('scatter points image', () => {
  const red = 0x112233;

  it('spans the points from their lowest to their highest corner', () => {
    expect(extentOf(new Float64Array([3, 1, 0, 4, 10, 2]))).toEqual({ minX: 0, minY: 1, maxX: 10, maxY: 4 });
    expect(extentOf(new Float64Array([]))).toBeUndefined();
  });

  it("sets each point's square where the axes put it, and nothing else", () => {
    // (0, 0) is the grid's lower-left pixel, (10, 5) its upper right, (5, 2.5) its middle.
    const image = new PointsImage(new Float64Array([0, 0, 10, 5, 5, 2.5]), 3, fakeDocument(red));
    const canvas = imageOf(image.renderItem(params(0), api));
    expect([canvas.width, canvas.height]).toEqual([100, 50]);
    const pixels = setPixels(canvas, red);
    // Squares of 3 × 3 centred on each point, clipped at the image's edges.
    expect(pixels).toContain('50,25');
    expect(pixels).toContain('49,24');
    expect(pixels).toContain('51,26');
    // The corners' squares are clipped, not moved inside: (0, 0) lands on the grid's lower-left corner.
    expect(pixels.filter((p) => !/^(49|50|51),(24|25|26)$/.test(p)).sort()).toEqual(['0,49', '1,49', '99,0', '99,1']);
    expect(pixels).toHaveLength(9 + 4);
  });

  it('draws only for the first of its two corner items', () => {
    const image = new PointsImage(new Float64Array([0, 0, 10, 5]), 3, fakeDocument(red));
    expect(image.renderItem(params(1), api)).toBeNull();
  });

  it('while deferring, leaves the image to makePending and shows it at the next layout', () => {
    const image = new PointsImage(new Float64Array([0, 0, 10, 5]), 3, fakeDocument(red));
    image.deferring = true;
    expect(image.renderItem(params(0), api)).toBeNull();
    expect(image.waiting).toBe(true);
    image.deferring = false;
    image.makePending();
    expect(image.waiting).toBe(false);
    const made = imageOf(image.renderItem(params(0), api));
    // The same grid and axes: the image made in between is the one shown, not made again.
    expect(imageOf(image.renderItem(params(0), api))).toBe(made);
    expect(setPixels(made, red).sort()).toEqual(['0,49', '1,49', '99,0', '99,1']);
  });

  it('makes the image again when the grid changes (a resize), even outside a deferred update', () => {
    const image = new PointsImage(new Float64Array([0, 0, 10, 5]), 3, fakeDocument(red));
    const first = imageOf(image.renderItem(params(0), api));
    const wider = { ...grid, width: 200 };
    const widerCoord = ([x, y]: number[]) => [wider.x + x * 20, wider.y + wider.height - y * 10];
    const again = image.renderItem({ dataIndex: 0, coordSys: wider } as never, { coord: widerCoord, visual: () => '#ff0000' } as never) as unknown as { style: { image: FakeCanvas } };
    expect(again.style.image).not.toBe(first);
    expect(again.style.image.width).toBe(200);
  });
});
