import { z } from 'zod';
import { EnvKeySchema } from './environment';
import { WorkspaceObjectSchema, WorkspaceSubscriptionSchema, WorkspaceTenantSchema, WorkspaceUserSchema } from './workspace';

const Props = z.record(z.string(), z.unknown());
const Time = z.number().int();
/** Knock keeps channel data and preferences apart from custom properties, on objects and tenants too. */
const extras = { channelData: Props.default({}), preferences: Props.default({}) };

export const SnapshotAudienceSchema = z.object({
  key: z.string().min(1),
  createdAt: Time,
  members: z.array(z.object({ userId: z.string().min(1), tenant: z.string().nullable().default(null), createdAt: Time })).default([]),
});

/**
 * One environment's workspace as it was when the bundle was written: users (with channel data and
 * preferences), objects, tenants, subscriptions and audiences, each row with its own times so an
 * import into an empty Inlet reproduces it exactly. Workflow runs are history of the log, not
 * state: replaying the bundle's events makes them again.
 */
export const BundleWorkspaceSchema = z.object({
  environment: EnvKeySchema,
  users: z.array(WorkspaceUserSchema.extend({ id: z.string().min(1) })).default([]),
  objects: z.array(WorkspaceObjectSchema.extend({ collection: z.string().min(1), id: z.string().min(1), ...extras })).default([]),
  tenants: z.array(WorkspaceTenantSchema.extend({ id: z.string().min(1), ...extras })).default([]),
  subscriptions: z.array(WorkspaceSubscriptionSchema).default([]),
  audiences: z.array(SnapshotAudienceSchema).default([]),
});
export type BundleWorkspace = z.output<typeof BundleWorkspaceSchema>;

/** The kinds a snapshot carries whose rows can clash with rows already here (same key). */
export const SNAPSHOT_CONFLICT_KINDS = ['users', 'objects', 'tenants', 'subscriptions'] as const;
export type SnapshotConflictKind = (typeof SNAPSHOT_CONFLICT_KINDS)[number];

/** How many rows of each kind a snapshot holds (audience members counted one by one). */
export const snapshotCounts = (w: BundleWorkspace) => ({
  users: w.users.length,
  objects: w.objects.length,
  tenants: w.tenants.length,
  subscriptions: w.subscriptions.length,
  audienceMembers: w.audiences.reduce((n, a) => n + a.members.length, 0),
});
