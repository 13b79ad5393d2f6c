// The topology's zoom and pan (pure): where the picture starts, and how the buttons, the wheel and dragging move it.
// The default view is chosen for reading, not for seeing everything at once: a node's name stays at least
// LEGIBLE_PX on screen, and what does not fit is reached by scrolling or dragging (issue 16: a fit-everything
// picture of a busy project was too small to read, on a projector above all).

export interface View {
  scale: number;
  x: number;
  y: number;
}
export interface Size {
  width: number;
  height: number;
}

/** A node's name is `text-sm` (14 px at scale 1). */
export const LABEL_PX = 14;
/** The smallest on-screen size of a node's name in the default view. */
export const LEGIBLE_PX = 12;
/** The default view never goes below this scale. */
export const READABLE_SCALE = LEGIBLE_PX / LABEL_PX;
/** Bounds of the zoom buttons and the wheel. */
export const MIN_SCALE = 0.2;
export const MAX_SCALE = 2.5;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const empty = (a: Size) => !a.width || !a.height;

/** The whole picture in the viewport, centred, the scale within [min, max] (the "Fit to view" button). */
export function fitView(layout: Size, viewport: Size, min = MIN_SCALE, max = 1): View {
  if (empty(layout) || empty(viewport)) return { scale: 1, x: 0, y: 0 };
  const scale = clamp(Math.min(viewport.width / layout.width, viewport.height / layout.height), min, max);
  return { scale, x: Math.max(0, (viewport.width - layout.width * scale) / 2), y: Math.max(0, (viewport.height - layout.height * scale) / 2) };
}

/**
 * The view a page opens with: the whole picture when it fits at a readable scale; otherwise as wide as the
 * viewport (never below READABLE_SCALE nor above 1), from its top left (the external networks and routers, where
 * the left-to-right layout starts), the rest below or to the right.
 */
export function initialView(layout: Size, viewport: Size): View {
  if (empty(layout) || empty(viewport)) return { scale: 1, x: 0, y: 0 };
  const whole = Math.min(viewport.width / layout.width, viewport.height / layout.height);
  if (whole >= READABLE_SCALE) return fitView(layout, viewport, READABLE_SCALE, 1);
  const scale = clamp(viewport.width / layout.width, READABLE_SCALE, 1);
  return { scale, x: Math.max(0, (viewport.width - layout.width * scale) / 2), y: 0 };
}

/** Zoom by `factor` about a viewport point (the pointer, or the centre for the buttons), within the zoom bounds. */
export function zoomView(view: View, factor: number, at: { x: number; y: number }): View {
  const scale = clamp(view.scale * factor, MIN_SCALE, MAX_SCALE);
  const k = scale / view.scale;
  return { scale, x: at.x - (at.x - view.x) * k, y: at.y - (at.y - view.y) * k };
}

/**
 * One axis of panBy. Content wider than the room moves until its far edge meets the viewport's edge (offsets
 * [room - content, 0]); content that fits does not move. A picture dragged or zoomed past an edge may scroll back
 * toward it but never jumps.
 */
function panAxis(pos: number, d: number, content: number, room: number): number {
  if (content <= room) return pos;
  if (d < 0) return Math.max(pos + d, Math.min(pos, room - content));
  if (d > 0) return Math.min(pos + d, Math.max(pos, 0));
  return pos;
}

/**
 * Scrolling: moves the picture by (dx, dy) screen pixels within its edges. Returns the same object when nothing
 * moved, so the caller can let the page scroll instead.
 */
export function panBy(view: View, layout: Size, viewport: Size, dx: number, dy: number): View {
  const x = panAxis(view.x, dx, layout.width * view.scale, viewport.width);
  const y = panAxis(view.y, dy, layout.height * view.scale, viewport.height);
  return x === view.x && y === view.y ? view : { ...view, x, y };
}
