// What a route handler returns; the server serialises it.

export interface Reply {
  status: number;
  /** Serialised as JSON unless `raw` is given. */
  body?: unknown;
  /** Non-JSON payloads (Swift objects, Glance image data, text errors). */
  raw?: string | Buffer;
  /** Streamed payload (image data, objects): piped to the response; set `content-length` in headers if known. */
  stream?: NodeJS.ReadableStream;
  contentType?: string;
  headers?: Record<string, string>;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({
  status,
  body,
  headers,
});

export const noContent = (headers?: Record<string, string>): Reply => ({ status: 204, headers });
