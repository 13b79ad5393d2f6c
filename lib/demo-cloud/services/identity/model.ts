// Identity state: plain JSON records keyed by id (persistable as is).

export interface Domain {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
  tags: string[];
}

export interface Project {
  id: string;
  name: string;
  domain_id: string;
  description: string;
  enabled: boolean;
  /** Top-level projects have their domain as parent, as in Keystone. */
  parent_id: string;
  tags: string[];
}

export interface User {
  id: string;
  name: string;
  domain_id: string;
  enabled: boolean;
  password_hash: string | null;
  default_project_id: string | null;
  email?: string;
  description?: string;
  /** Keystone's resource options; only the MFA ones are modelled. */
  options?: UserOptions;
}

export interface UserOptions {
  /** Keystone treats an absent value as true: rules apply once set. */
  multi_factor_auth_enabled?: boolean;
  multi_factor_auth_rules?: string[][];
}

/** /v3/credentials: a TOTP secret (base32 in blob), an EC2 key pair or any other typed blob. */
export interface Credential {
  id: string;
  user_id: string;
  project_id: string | null;
  type: string;
  blob: string;
}

/** A partial authentication (Keystone's auth receipt): what one request proved, for the next. */
export interface ReceiptRecord {
  user_id: string;
  methods: string[];
  issued_at: number;
  expires_at: number;
}

export interface AccessRule {
  id: string;
  service: string;
  path: string;
  method: string;
}

export interface Role {
  id: string;
  name: string;
  description: string | null;
}

/** A direct grant of a role to a user or a group (exactly one of them) on a project or a domain. */
export interface Assignment {
  role_id: string;
  user_id?: string;
  group_id?: string;
  project_id?: string;
  domain_id?: string;
}

export interface Group {
  id: string;
  name: string;
  domain_id: string;
  description: string;
}

export interface Membership {
  group_id: string;
  user_id: string;
}

export interface ApplicationCredential {
  id: string;
  name: string;
  user_id: string;
  project_id: string;
  description: string | null;
  secret_hash: string;
  expires_at: number | null;
  /** null when the request did not say (Keystone stores and shows it so); only true allows managing others. */
  unrestricted: boolean | null;
  role_ids: string[];
  access_rules: AccessRule[];
}

export interface TokenRecord {
  user_id: string;
  project_id: string | null;
  domain_id: string | null;
  methods: string[];
  audit_ids: string[];
  issued_at: number;
  expires_at: number;
  app_cred_id: string | null;
}

export interface IdentityState {
  domains: Record<string, Domain>;
  projects: Record<string, Project>;
  users: Record<string, User>;
  roles: Record<string, Role>;
  assignments: Assignment[];
  applicationCredentials: Record<string, ApplicationCredential>;
  /** Keyed by sha256(token): the state file never holds usable tokens. */
  tokens: Record<string, TokenRecord>;
  /** Optional: states saved before they existed lack them (see IdentityModel's constructor). */
  credentials?: Record<string, Credential>;
  receipts?: Record<string, ReceiptRecord>;
  groups?: Record<string, Group>;
  memberships?: Membership[];
}

/** Keystone's default implied roles: admin implies member, member implies reader. */
const IMPLIED: Record<string, string[]> = { admin: ['member'], member: ['reader'] };

export class IdentityModel {
  constructor(readonly s: IdentityState) {
    s.credentials ??= {};
    s.receipts ??= {};
    s.groups ??= {};
    s.memberships ??= [];
  }

  get groups(): Record<string, Group> {
    return (this.s.groups ??= {});
  }

  get memberships(): Membership[] {
    return (this.s.memberships ??= []);
  }

  groupIdsOf(userId: string): Set<string> {
    return new Set(this.memberships.filter((x) => x.user_id === userId).map((x) => x.group_id));
  }

  isMember(groupId: string, userId: string): boolean {
    return this.memberships.some((x) => x.group_id === groupId && x.user_id === userId);
  }

  /** Grants that reach the user: their own and their groups'. */
  private grantsOf(userId: string): Assignment[] {
    const groups = this.groupIdsOf(userId);
    return this.s.assignments.filter((a) => a.user_id === userId || (a.group_id !== undefined && groups.has(a.group_id)));
  }

  get credentials(): Record<string, Credential> {
    return (this.s.credentials ??= {});
  }

  get receipts(): Record<string, ReceiptRecord> {
    return (this.s.receipts ??= {});
  }

  findUserByName(name: string, domainId: string): User | undefined {
    return Object.values(this.s.users).find((u) => u.name === name && u.domain_id === domainId);
  }

  findProjectByName(name: string, domainId: string): Project | undefined {
    return Object.values(this.s.projects).find((p) => p.name === name && p.domain_id === domainId);
  }

  findDomainByName(name: string): Domain | undefined {
    return Object.values(this.s.domains).find((d) => d.name === name);
  }

  findRoleByName(name: string): Role | undefined {
    return Object.values(this.s.roles).find((r) => r.name === name);
  }

  /** Role ids a user holds on a project or domain, directly or through a group (duplicates removed). */
  directRoleIds(userId: string, target: { projectId?: string; domainId?: string }): string[] {
    const ids = this.grantsOf(userId)
      .filter((a) => (target.projectId ? a.project_id === target.projectId : a.domain_id === target.domainId && !a.project_id))
      .map((a) => a.role_id);
    return [...new Set(ids)];
  }

  /** Effective roles (implied roles expanded), in a stable order, as tokens list them. */
  effectiveRoles(roleIds: string[]): Role[] {
    const out = new Map<string, Role>();
    const visit = (role: Role | undefined) => {
      if (!role || out.has(role.id)) return;
      out.set(role.id, role);
      for (const name of IMPLIED[role.name] ?? []) visit(this.findRoleByName(name));
    };
    for (const id of roleIds) visit(this.s.roles[id]);
    return [...out.values()];
  }

  /** Enabled projects the user holds any role on (what /v3/auth/projects lists). */
  projectsOfUser(userId: string): Project[] {
    const ids = new Set(this.grantsOf(userId).filter((a) => a.project_id).map((a) => a.project_id!));
    return Object.values(this.s.projects).filter((p) => ids.has(p.id));
  }

  domainsOfUser(userId: string): Domain[] {
    const ids = new Set(
      this.grantsOf(userId).filter((a) => a.domain_id && !a.project_id).map((a) => a.domain_id!),
    );
    return Object.values(this.s.domains).filter((d) => ids.has(d.id));
  }

  hasAssignment(a: Assignment): boolean {
    return this.s.assignments.some((b) => sameAssignment(a, b));
  }

  removeAssignment(a: Assignment): void {
    this.s.assignments = this.s.assignments.filter((b) => !sameAssignment(a, b));
  }

  deleteGroup(groupId: string): void {
    delete this.groups[groupId];
    this.s.memberships = this.memberships.filter((x) => x.group_id !== groupId);
    this.s.assignments = this.s.assignments.filter((a) => a.group_id !== groupId);
  }

  /** Removes everything that hangs off a user (tokens become invalid on their own). */
  deleteUser(userId: string): void {
    delete this.s.users[userId];
    this.s.assignments = this.s.assignments.filter((a) => a.user_id !== userId);
    this.s.memberships = this.memberships.filter((x) => x.user_id !== userId);
    for (const [id, ac] of Object.entries(this.s.applicationCredentials)) {
      if (ac.user_id === userId) delete this.s.applicationCredentials[id];
    }
    for (const [id, c] of Object.entries(this.credentials)) if (c.user_id === userId) delete this.credentials[id];
  }

  deleteProject(projectId: string): void {
    delete this.s.projects[projectId];
    this.s.assignments = this.s.assignments.filter((a) => a.project_id !== projectId);
    for (const [id, ac] of Object.entries(this.s.applicationCredentials)) {
      if (ac.project_id === projectId) delete this.s.applicationCredentials[id];
    }
  }
}

const sameAssignment = (a: Assignment, b: Assignment) =>
  b.role_id === a.role_id && b.user_id === a.user_id && b.group_id === a.group_id && b.project_id === a.project_id && b.domain_id === a.domain_id;
