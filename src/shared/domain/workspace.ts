import { z } from 'zod';

/** The local emulation of Knock's data model, as the workspace browser shows it. */
const Props = z.record(z.string(), z.unknown());
const Time = z.number().int();

export const WorkspaceUserSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phoneNumber: z.string().nullable(),
  avatar: z.string().nullable(),
  locale: z.string().nullable(),
  timezone: z.string().nullable(),
  properties: Props,
  createdAt: Time,
  updatedAt: Time,
});
export type WorkspaceUser = z.infer<typeof WorkspaceUserSchema>;

export const WorkspaceObjectSchema = z.object({
  collection: z.string(),
  id: z.string(),
  name: z.string().nullable(),
  properties: Props,
  createdAt: Time,
  updatedAt: Time,
});

export const WorkspaceTenantSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  settings: Props,
  properties: Props,
  createdAt: Time,
  updatedAt: Time,
});

export const WorkspaceSubscriptionSchema = z.object({
  collection: z.string(),
  objectId: z.string(),
  recipientCollection: z.string(),
  recipientId: z.string(),
  properties: Props,
  createdAt: Time,
});

export const WorkspaceAudienceMemberSchema = z.object({
  audienceKey: z.string(),
  userId: z.string(),
  tenant: z.string().nullable(),
  createdAt: Time,
});

export const WorkflowKeySchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,99}$/, 'lower-case letters, digits, "-" or "_"');

export const WorkflowSchema = z.object({ key: WorkflowKeySchema, name: z.string(), createdAt: Time });
export type Workflow = z.infer<typeof WorkflowSchema>;

export const WorkflowRunSchema = z.object({
  id: z.string(),
  workflowKey: z.string(),
  recipientCollection: z.string(),
  recipientId: z.string(),
  actor: z.unknown().nullable(),
  tenant: z.string().nullable(),
  data: z.unknown(),
  cancellationKey: z.string().nullable(),
  status: z.enum(['active', 'cancelled']),
  eventId: z.number().int().nullable(),
  createdAt: Time,
  cancelledAt: Time.nullable(),
});
export type WorkflowRun = z.infer<typeof WorkflowRunSchema>;

/** What one workspace page lists; `kind` picks the table. */
export const WorkspaceKindSchema = z.enum(['users', 'objects', 'tenants', 'subscriptions', 'audience_members', 'workflow_runs']);
export type WorkspaceKind = z.infer<typeof WorkspaceKindSchema>;
