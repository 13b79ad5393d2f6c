// Swift's state: accounts (one per project), their containers and objects' metadata. Object
// bodies live in files under the data directory, named by SwiftObject.file.

export interface SwiftObject {
  name: string;
  bytes: number;
  hash: string;
  content_type: string;
  /** ms */
  modified: number;
  meta: Record<string, string>;
  /** File name under the object-store data directory. */
  file: string;
}

export interface SwiftContainer {
  name: string;
  created: number;
  modified: number;
  meta: Record<string, string>;
  read: string | null;
  write: string | null;
  objects: Record<string, SwiftObject>;
}

export interface SwiftAccount {
  created: number;
  meta: Record<string, string>;
  containers: Record<string, SwiftContainer>;
}

export interface ObjectStoreState {
  accounts: Record<string, SwiftAccount>;
}
