/** What client components may know about the session (never the token). */
export interface ClientSession {
  cloud: { id: string; displayName: string };
  user: { id: string; name: string; domainId: string };
  project: { id: string; name: string; domainId: string };
  region: string;
  regions: string[];
  roles: string[];
  expiresAt: number;
  authMethod: 'password' | 'application_credential';
}

export interface ProjectSummary {
  id: string;
  name: string;
  domainId: string;
  enabled: boolean;
  description: string;
}
