// A shared snapshot: what a user saw on a list, a detail page or the topology, as plain text and numbers (never
// markup), sent by the browser (SnapshotCreateSchema) and stored after the server removed what is sensitive
// (StoredSnapshot, lib/snapshot/strip.ts). Pure: the dialog and the route handlers both import it.
import { z } from 'zod';

/** The expiry choices, in seconds: one hour to thirty days. */
export const EXPIRY_CHOICES = [3600, 24 * 3600, 7 * 24 * 3600, 30 * 24 * 3600] as const;
export const DEFAULT_EXPIRY = 24 * 3600;

/** What may be removed from a snapshot: presentation mode's kinds, and IP addresses on request. */
export const STRIP_KINDS = ['email', 'projectId', 'secretName', 'ip'] as const;
export type StripKind = (typeof STRIP_KINDS)[number];

/** The largest body the create route reads (a page of 1000 rows of a dozen columns fits). */
export const SNAPSHOT_MAX_BYTES = 1024 * 1024;
export const MAX_ROWS = 1000;
export const MAX_COLUMNS = 40;
export const MAX_FIELDS = 120;
export const MAX_NODES = 600;
/** Snapshots one user may keep at once (revoked and expired ones do not count). */
export const MAX_PER_OWNER = 200;

const text = (max: number) => z.string().max(max);
const Cell = text(4000);
const Sensitive = z.enum(['email', 'projectId', 'secretName']).optional();
const Coord = z.number().finite().min(-1e6).max(1e6);

const ListView = z
  .object({
    type: z.literal('list'),
    columns: z.array(z.object({ id: text(100).min(1), label: text(200), sensitive: Sensitive })).min(1).max(MAX_COLUMNS),
    rows: z.array(z.array(Cell).max(MAX_COLUMNS)).max(MAX_ROWS),
  })
  .refine((v) => v.rows.every((r) => r.length === v.columns.length), { error: 'Every row needs one cell per column', path: ['rows'] });

const DetailView = z.object({
  type: z.literal('detail'),
  fields: z.array(z.object({ key: text(200).optional(), label: text(200), value: Cell, sensitive: Sensitive })).max(MAX_FIELDS),
});

const TopologyView = z.object({
  type: z.literal('topology'),
  width: Coord.min(0),
  height: Coord.min(0),
  nodes: z
    .array(
      z.object({
        kind: z.enum(['external', 'network', 'router', 'instance', 'floatingip', 'loadbalancer', 'group']),
        /** The kind as the page words it ("External network"). */
        kindLabel: text(100),
        label: text(300),
        status: text(100),
        tone: z.enum(['ok', 'busy', 'error', 'unknown']),
        lines: z.array(text(300)).max(20),
        x: Coord,
        y: Coord,
        w: Coord.min(0),
        h: Coord.min(0),
      }),
    )
    .max(MAX_NODES),
  edges: z.array(z.object({ kind: text(40), label: text(300), points: z.array(z.object({ x: Coord, y: Coord })).min(2).max(50) })).max(MAX_NODES * 4),
  /** The picture's text alternative: one sentence per connection. */
  connections: z.array(text(600)).max(MAX_NODES * 4),
});

export const SnapshotViewSchema = z.discriminatedUnion('type', [ListView, DetailView, TopologyView]);
export type SnapshotView = z.infer<typeof SnapshotViewSchema>;
export type ListSnapshot = z.infer<typeof ListView>;
export type DetailSnapshot = z.infer<typeof DetailView>;
export type TopologySnapshot = z.infer<typeof TopologyView>;

export const SnapshotCreateSchema = z.object({
  /** The page's heading as the user read it (a kind's plural, an object's name). */
  title: text(300).min(1),
  /** The kind's slug (`instances`), so the server finds its declared sensitive columns; empty for the topology. */
  slug: text(300),
  /** What the page was about, for the snapshot's heading ("Instances", "Network topology"). */
  kindLabel: text(200),
  expiresIn: z
    .number()
    .int()
    .refine((n) => (EXPIRY_CHOICES as readonly number[]).includes(n), { error: `expiresIn must be one of ${EXPIRY_CHOICES.join(', ')} (seconds)` }),
  removeIps: z.boolean(),
  view: SnapshotViewSchema,
});
export type SnapshotCreate = z.infer<typeof SnapshotCreateSchema>;

/** Who may list and revoke a snapshot: the Keystone user of one cloud. */
export interface SnapshotOwner {
  cloud: string;
  userId: string;
}

export interface StoredSnapshot {
  v: 1;
  id: string;
  owner: SnapshotOwner;
  /** The sharer's user name, shown on the page. */
  sharedBy: string;
  createdAt: number;
  expiresAt: number;
  title: string;
  kindLabel: string;
  /** What was removed, named on the page. */
  removed: StripKind[];
  view: SnapshotView;
}

/** What stays of a revoked or expired snapshot for a while, so that its link answers 410 instead of 404. */
export interface SnapshotTombstone {
  v: 1;
  id: string;
  owner: SnapshotOwner;
  gone: 'revoked' | 'expired';
  /** When the tombstone itself is deleted. */
  purgeAt: number;
}

export type SnapshotRecord = StoredSnapshot | SnapshotTombstone;

/** A snapshot as its owner's list shows it. */
export interface SnapshotSummary {
  id: string;
  title: string;
  kindLabel: string;
  createdAt: number;
  expiresAt: number;
}

/** 192 random bits, base64url: 32 characters. Anything else is never looked up (nor used as a file name). */
export const SNAPSHOT_ID = /^[A-Za-z0-9_-]{32}$/;
