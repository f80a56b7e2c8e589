import { z } from 'zod';
import { ActionIssueSchema, ActionStatusSchema, EventSummarySchema, ProcessingSchema } from '../domain/event';
import { TunnelStatusSchema } from '../domain/settings';
import { DeliverySchema, DestinationHealthSchema } from '../domain/destination';
import { CaptureProgressSchema } from './contract-captures';
import { healthEvents } from './contract-health';

/** What `config.changed` names; mutating contract methods declare which they change. */
export const ConfigChangeSchema = z.enum(['sources', 'environments', 'mappings', 'workflows', 'destinations', 'fixtures']);
export type ConfigChange = z.output<typeof ConfigChangeSchema>;

/** Push events from the core to every connected UI, by name. */
export const pushEvents = {
  /** A request was received and durably logged. */
  'events.received': EventSummarySchema,
  /** An event's mappings ran (or it was found to be a duplicate). */
  'events.processed': z.object({
    id: z.number().int(),
    processing: ProcessingSchema,
    actionStatus: ActionStatusSchema.nullable(),
    /** Why an action was skipped or failed, in brief (as log pages carry it). */
    actionIssue: ActionIssueSchema.optional(),
  }),
  /** A bulk replay advanced, finished or was cancelled. */
  'replay.progress': z.object({
    jobId: z.string(),
    done: z.number().int(),
    total: z.number().int(),
    state: z.enum(['running', 'finished', 'cancelled', 'failed']),
    /** The job itself stopped (`failed`): why. */
    error: z.string().optional(),
    /** Replays that failed so far (counted in `done`); absent when none did. */
    failed: z.number().int().optional(),
    /** The first few of those, with their reasons. */
    failures: z.array(z.object({ id: z.number().int(), error: z.string() })).optional(),
  }),
  /** An import of captured requests advanced, finished, was cancelled or stopped. */
  'captures.progress': CaptureProgressSchema,
  /** A log export written to a file advanced, finished or failed (`exports.save` with an `exportId`). */
  'exports.progress': z.object({ exportId: z.string(), done: z.number().int(), total: z.number().int(), state: z.enum(['running', 'finished', 'failed']) }),
  /** The tunnel's state changed; an `up` with `previousUrl` means the public URL moved. */
  'tunnel.statusChanged': TunnelStatusSchema,
  /** Log retention removed old events (background pruning or `retention.prune`). */
  'retention.progress': z.object({ deleted: z.number().int(), total: z.number().int(), state: z.enum(['running', 'finished']) }),
  /** A delivery to a destination was queued again, attempted, delivered or given up. */
  'deliveries.changed': DeliverySchema.extend({ latencyMs: z.number().int().nullable() }),
  /** A destination's health or held count changed (paused, auto-held, released, started failing). */
  'destinations.status': z.object({
    id: z.string(),
    sourceId: z.string(),
    environment: z.string(),
    name: z.string(),
    health: DestinationHealthSchema,
    held: z.number().int(),
    /** The destination just went from answering to failing (for a notification). */
    startedFailing: z.boolean(),
    error: z.string().nullable(),
  }),
  /** Sources, environments, mappings or workflows changed (any client may have changed them). */
  'config.changed': z.object({ what: ConfigChangeSchema }),
  ...healthEvents,
} as const satisfies Record<string, z.ZodType>;

export type PushEvents = typeof pushEvents;
export type PushEventName = keyof PushEvents;
export type PushPayload<N extends PushEventName> = z.output<PushEvents[N]>;
export type PushMessage = { [N in PushEventName]: { name: N; payload: PushPayload<N> } }[PushEventName];

export const isPushEventName = (n: unknown): n is PushEventName =>
  typeof n === 'string' && Object.prototype.hasOwnProperty.call(pushEvents, n);
