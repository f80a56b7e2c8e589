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
  /** Knock keeps these apart from custom properties. */
  channelData: Props.default({}),
  preferences: Props.default({}),
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

/**
 * The part of a Knock workflow that decides a run's lifecycle: a pause step (delay, batch, wait for
 * an event, fetch) holds the run for its length; channel steps send at once, so they are not modelled.
 */
export const PAUSE_STEP_TYPES = ['delay', 'batch', 'wait', 'fetch'] as const;
export const WorkflowStepSchema = z.object({
  type: z.enum(PAUSE_STEP_TYPES),
  /** How long the step holds the run, in seconds (a week at most, plenty for local testing). */
  seconds: z.number().int().min(0).max(7 * 24 * 3600),
});
export type WorkflowStep = z.infer<typeof WorkflowStepSchema>;
export const WorkflowStepsSchema = z.array(WorkflowStepSchema).max(20);

export const WorkflowSchema = z.object({
  key: WorkflowKeySchema,
  name: z.string(),
  /** Knock's workflow status: triggering an inactive workflow fails with `workflow_inactive`. */
  active: z.boolean().default(true),
  steps: WorkflowStepsSchema.default([]),
  createdAt: Time,
});
export type Workflow = z.infer<typeof WorkflowSchema>;

/** A run waits in `paused` until its pause steps elapse, then `completed`; cancel reaches only paused runs. */
export const RUN_STATUSES = ['paused', 'completed', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const WorkflowRunSchema = z.object({
  id: z.string(),
  workflowKey: z.string(),
  recipientCollection: z.string(),
  recipientId: z.string(),
  actor: z.unknown().nullable(),
  tenant: z.string().nullable(),
  data: z.unknown(),
  cancellationKey: z.string().nullable(),
  status: z.enum(RUN_STATUSES),
  /** The `workflow_run_id` of the trigger call this run came from (shared by the call's runs). */
  triggerId: z.string().nullable().default(null),
  /** The object subscription this run fanned out through, with the subscription's properties. */
  subscription: z.object({ collection: z.string(), id: z.string(), properties: Props }).nullable().default(null),
  eventId: z.number().int().nullable(),
  createdAt: Time,
  /** When a paused run is due to complete. */
  resumeAt: Time.nullable().default(null),
  completedAt: Time.nullable().default(null),
  cancelledAt: Time.nullable(),
});
export type WorkflowRun = z.infer<typeof WorkflowRunSchema>;

/** What one workspace page lists; `kind` picks the table. */
export const WorkspaceKindSchema = z.enum(['users', 'objects', 'tenants', 'subscriptions', 'audience_members', 'workflow_runs']);
export type WorkspaceKind = z.infer<typeof WorkspaceKindSchema>;
