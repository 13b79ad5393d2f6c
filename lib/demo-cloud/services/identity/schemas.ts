import { z } from 'zod';

// Request bodies. Clients (keystoneclient, gophercloud) send explicit nulls for unset fields,
// hence `.nullish()` where Keystone accepts null.

const DomainRef = z.object({ id: z.string().min(1).optional(), name: z.string().min(1).optional() });

const UserRef = z.object({
  id: z.string().min(1).optional(),
  name: z.string().min(1).optional(),
  domain: DomainRef.optional(),
});

export const AuthRequestSchema = z.object({
  auth: z.object({
    identity: z.object({
      methods: z.array(z.string()).min(1),
      password: z.object({ user: UserRef.extend({ password: z.string() }) }).optional(),
      token: z.object({ id: z.string().min(1) }).optional(),
      totp: z.object({ user: UserRef.extend({ passcode: z.string() }) }).optional(),
      application_credential: z
        .object({
          id: z.string().min(1).optional(),
          name: z.string().min(1).optional(),
          secret: z.string().min(1),
          user: UserRef.optional(),
        })
        .optional(),
    }),
    scope: z
      .union([
        z.literal('unscoped'),
        z.object({
          project: z
            .object({ id: z.string().min(1).optional(), name: z.string().min(1).optional(), domain: DomainRef.optional() })
            .optional(),
          domain: DomainRef.optional(),
          system: z.unknown().optional(),
          'OS-TRUST:trust': z.unknown().optional(),
        }),
      ])
      .optional(),
  }),
});
export type AuthRequest = z.infer<typeof AuthRequestSchema>;

export const ProjectCreateSchema = z.object({
  project: z.object({
    name: z.string().min(1).max(64),
    domain_id: z.string().min(1).nullish(),
    description: z.string().nullish(),
    enabled: z.boolean().nullish(),
    is_domain: z.literal(false).nullish(),
    parent_id: z.string().nullish(),
    tags: z.array(z.string()).nullish(),
  }),
});

export const ProjectUpdateSchema = z.object({
  project: z.object({
    name: z.string().min(1).max(64).optional(),
    description: z.string().nullish(),
    enabled: z.boolean().optional(),
    tags: z.array(z.string()).optional(),
  }),
});

/** Keystone's MFA user options; null removes an option. */
const UserOptionsSchema = z
  .object({
    multi_factor_auth_enabled: z.boolean().nullish(),
    multi_factor_auth_rules: z.array(z.array(z.string()).min(1)).nullish(),
  })
  .strict();

export const UserCreateSchema = z.object({
  user: z.object({
    name: z.string().min(1).max(255),
    domain_id: z.string().min(1).nullish(),
    password: z.string().nullish(),
    enabled: z.boolean().nullish(),
    default_project_id: z.string().nullish(),
    email: z.string().nullish(),
    description: z.string().nullish(),
    options: UserOptionsSchema.nullish(),
  }),
});

export const UserUpdateSchema = z.object({
  user: z.object({
    name: z.string().min(1).max(255).optional(),
    password: z.string().nullish(),
    enabled: z.boolean().optional(),
    default_project_id: z.string().nullish(),
    email: z.string().nullish(),
    description: z.string().nullish(),
    options: UserOptionsSchema.nullish(),
  }),
});
export type UserOptionsInput = z.infer<typeof UserOptionsSchema>;

export const PasswordChangeSchema = z.object({
  user: z.object({ original_password: z.string(), password: z.string().min(1) }),
});

export const DomainCreateSchema = z.object({
  domain: z.object({
    name: z.string().min(1).max(64),
    description: z.string().nullish(),
    enabled: z.boolean().nullish(),
    tags: z.array(z.string()).nullish(),
  }),
});

export const DomainUpdateSchema = z.object({
  domain: z.object({
    name: z.string().min(1).max(64).optional(),
    description: z.string().nullish(),
    enabled: z.boolean().optional(),
  }),
});

export const RoleCreateSchema = z.object({
  role: z.object({ name: z.string().min(1).max(255), description: z.string().nullish() }),
});

export const AppCredentialCreateSchema = z.object({
  application_credential: z.object({
    name: z.string().min(1).max(255),
    secret: z.string().min(1).nullish(),
    description: z.string().nullish(),
    expires_at: z.string().nullish(),
    roles: z.array(z.object({ id: z.string().optional(), name: z.string().optional() })).nullish(),
    unrestricted: z.boolean().nullish(),
    access_rules: z
      .array(z.object({ id: z.string().optional(), service: z.string(), path: z.string(), method: z.string() }).strict())
      .nullish(),
  }),
});

export const GroupCreateSchema = z.object({
  group: z.object({ name: z.string().min(1).max(64), domain_id: z.string().min(1).nullish(), description: z.string().nullish() }),
});

export const GroupUpdateSchema = z.object({
  group: z.object({ name: z.string().min(1).max(64).optional(), description: z.string().nullish() }),
});
