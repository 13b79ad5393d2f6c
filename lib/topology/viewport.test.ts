import { describe, expect, it } from 'vitest';
import { buildTopology } from './graph';
import { layoutTopology } from './layout';
import { syntheticTopology } from './synthetic';
import { fitView, initialView, LABEL_PX, LEGIBLE_PX, MAX_SCALE, MIN_SCALE, panBy, READABLE_SCALE, zoomView } from './viewport';

// The topology viewport at 1440x900 (sidebar and page padding taken off, 68vh tall).
const SCREEN = { width: 1134, height: 612 };

describe('initialView', () => {
  it('shows a small picture whole and centred, never enlarged', () => {
    expect(initialView({ width: 500, height: 200 }, { width: 1000, height: 400 })).toEqual({ scale: 1, x: 250, y: 100 });
    const v = initialView({ width: 1100, height: 300 }, { width: 1000, height: 400 });
    expect(v.scale).toBeCloseTo(1000 / 1100);
    expect(v.x).toBeCloseTo(0);
    expect(v.y).toBeCloseTo((400 - 300 * v.scale) / 2);
  });

  it('uses the width for a tall picture, from its top, instead of shrinking it to fit the height', () => {
    const v = initialView({ width: 1100, height: 3000 }, { width: 1000, height: 400 });
    expect(v.scale).toBeCloseTo(1000 / 1100);
    expect(v).toMatchObject({ x: 0, y: 0 });
    // Narrower than the viewport: centred across, at scale 1.
    expect(initialView({ width: 800, height: 3000 }, { width: 1000, height: 400 })).toEqual({ scale: 1, x: 100, y: 0 });
  });

  it('never goes below the readable scale: a wide picture starts at its top left', () => {
    expect(initialView({ width: 4000, height: 300 }, { width: 1000, height: 400 })).toEqual({ scale: READABLE_SCALE, x: 0, y: 0 });
    expect(initialView({ width: 4000, height: 4000 }, { width: 1000, height: 400 })).toEqual({ scale: READABLE_SCALE, x: 0, y: 0 });
    expect(LABEL_PX * READABLE_SCALE).toBeCloseTo(LEGIBLE_PX);
  });

  it('keeps node names at 12 px or more on a 1440x900 window, for a small project and a busy one', () => {
    for (const [networks, perNetwork] of [[1, 3], [3, 2], [10, 5], [30, 12]]) {
      const l = layoutTopology(buildTopology(syntheticTopology(networks, perNetwork, { floatingEvery: 2 })));
      const v = initialView(l, SCREEN);
      expect(LABEL_PX * v.scale).toBeGreaterThanOrEqual(LEGIBLE_PX);
      // The start of the picture (top left) is on screen.
      expect(v.x).toBeGreaterThanOrEqual(0);
      expect(v.y).toBeGreaterThanOrEqual(0);
    }
  });

  it('does not divide by zero before the viewport or the picture has a size', () => {
    expect(initialView({ width: 0, height: 0 }, SCREEN)).toEqual({ scale: 1, x: 0, y: 0 });
    expect(initialView({ width: 100, height: 100 }, { width: 0, height: 0 })).toEqual({ scale: 1, x: 0, y: 0 });
  });
});

describe('fitView', () => {
  it('fits the whole picture, centred, down to the zoom floor, never enlarged', () => {
    expect(fitView({ width: 500, height: 200 }, { width: 1000, height: 400 })).toEqual({ scale: 1, x: 250, y: 100 });
    const v = fitView({ width: 2000, height: 1600 }, { width: 1000, height: 400 });
    expect(v.scale).toBe(0.25);
    expect(v).toMatchObject({ x: 250, y: 0 });
    expect(fitView({ width: 20_000, height: 400 }, { width: 1000, height: 400 }).scale).toBe(MIN_SCALE);
  });
});

describe('zoomView', () => {
  it('keeps the point under the pointer still and stays within the zoom bounds', () => {
    const v = zoomView({ scale: 1, x: 10, y: 20 }, 2, { x: 110, y: 220 });
    expect(v).toEqual({ scale: 2, x: -90, y: -180 });
    // The picture point under (110, 220) is (100, 200) before and after.
    expect((110 - v.x) / v.scale).toBe(100);
    expect((220 - v.y) / v.scale).toBe(200);
    expect(zoomView({ scale: 2, x: 0, y: 0 }, 10, { x: 0, y: 0 }).scale).toBe(MAX_SCALE);
    expect(zoomView({ scale: 0.3, x: 0, y: 0 }, 0.1, { x: 0, y: 0 }).scale).toBe(MIN_SCALE);
  });
});

describe('panBy', () => {
  const layout = { width: 1000, height: 2000 };
  const viewport = { width: 1000, height: 500 };

  it('scrolls a tall picture down to its bottom edge and back up to its top, no further', () => {
    const top = { scale: 1, x: 0, y: 0 };
    expect(panBy(top, layout, viewport, 0, -300)).toEqual({ scale: 1, x: 0, y: -300 });
    expect(panBy({ ...top, y: -1400 }, layout, viewport, 0, -300)).toEqual({ scale: 1, x: 0, y: -1500 });
    expect(panBy({ ...top, y: -100 }, layout, viewport, 0, 300)).toEqual({ scale: 1, x: 0, y: 0 });
  });

  it('returns the same view at an edge and when the picture fits, so the page scrolls instead', () => {
    const top = { scale: 1, x: 0, y: 0 };
    expect(panBy(top, layout, viewport, 0, 300)).toBe(top);
    // Fits across: horizontal scrolling does not move it.
    expect(panBy(top, layout, viewport, -200, 0)).toBe(top);
    const small = { scale: 0.2, x: 400, y: 50 };
    expect(panBy(small, layout, viewport, 0, -100)).toBe(small);
  });

  it('lets a picture dragged past an edge scroll back without jumping', () => {
    const dragged = { scale: 1, x: 0, y: 200 };
    expect(panBy(dragged, layout, viewport, 0, -50)).toEqual({ scale: 1, x: 0, y: 150 });
    expect(panBy(dragged, layout, viewport, 0, 50)).toBe(dragged);
  });
});
