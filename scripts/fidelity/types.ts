// A fidelity scenario: the same sequence of API calls, run against real OpenStack and the demo cloud.
export type Vars = Record<string, string>;
export type Json = unknown;

export type Call = {
  name: string;
  /** Which user makes the call (default demo, project demo). */
  as?: 'demo' | 'admin';
  /** Keystone catalog type. */
  service: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  /** Path relative to the service's catalog endpoint, e.g. `servers/detail`; may use captured vars. */
  path: string | ((v: Vars) => string);
  headers?: Record<string, string> | ((v: Vars) => Record<string, string>);
  body?: Json | ((v: Vars) => Json);
  /** Raw request body (e.g. an upload) instead of JSON. */
  rawBody?: Uint8Array | string;
  /** Store ids from the response for later calls (each cloud keeps its own vars). */
  capture?: (body: Json, headers: Headers, v: Vars) => void;
  /** Repeat the call (up to ~60 s) until this holds, e.g. until a status leaves BUILD. */
  until?: (body: Json, status: number) => boolean;
  /** Set false for bodies that are not JSON documents (downloads, text). */
  compareBody?: boolean;
};

export type Scenario = { name: string; service: string; calls: Call[] };
