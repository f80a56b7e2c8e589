import { z } from 'zod';
import { ActionTypeSchema } from './action';
import { DeliveryStatusSchema } from './destination';
import { PlanErrorSchema } from './mapping';
import { VerificationResultSchema, VerificationStatusSchema } from './verification';

/**
 * Where an event is in the pipeline: `none` (nothing to run — rejected or unrouted), `pending`
 * (durable, not yet mapped), `done`, or `duplicate` (its idempotency key was already executed).
 */
export const ProcessingSchema = z.enum(['none', 'pending', 'done', 'duplicate']);
export type Processing = z.infer<typeof ProcessingSchema>;

/** How a request got into the log. */
export const OriginSchema = z.enum(['received', 'test', 'replay', 'import']);
export type Origin = z.infer<typeof OriginSchema>;

/**
 * How a replay treats verification: as the receiver would now (`as_is`); signed afresh as its
 * provider would and then verified (`resign`, for events older than the scheme's tolerance or
 * edited); or checked but never enforced (`ignore_verification`).
 */
export const ReplayModeSchema = z.enum(['as_is', 'ignore_verification', 'resign']);
export type ReplayMode = z.infer<typeof ReplayModeSchema>;

/** The sum of an event's action runs. */
export const ActionStatusSchema = z.enum(['success', 'error', 'partial', 'skipped', 'no_mapping']);
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

/** One mapping executed for one event (SPEC §2 "Action run"). */
export const ActionRunSchema = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  mappingId: z.string(),
  actionType: ActionTypeSchema,
  status: z.enum(['success', 'skipped', 'error']),
  /** Resolved, coerced parameters. */
  params: z.record(z.string(), z.unknown()),
  coercions: z.array(z.string()),
  errors: z.array(PlanErrorSchema),
  /** What it did, e.g. `{workflow_run_ids: […]}`, or why it was skipped. */
  result: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.number().int(),
});
export type ActionRun = z.infer<typeof ActionRunSchema>;

/**
 * The first action run of an event that did not succeed, in brief: what the log's list row says
 * in its tooltip (why, and the fix) without the runs themselves. `others` counts the further runs
 * that were skipped or failed.
 */
export const ActionIssueSchema = z.object({
  mappingId: z.string(),
  status: z.enum(['skipped', 'error']),
  reason: z.string().nullable(),
  /** Recipients Knock did not know (the first few). */
  notIdentified: z.array(z.string()),
  notIdentifiedCount: z.number().int(),
  error: PlanErrorSchema.nullable(),
  others: z.number().int(),
});
export type ActionIssue = z.infer<typeof ActionIssueSchema>;

/**
 * One received HTTP request, always logged. `sourceId`/`environment` are null when the token was
 * unknown. `id` is monotonic and doubles as the keyset cursor.
 */
export const EventSummarySchema = z.object({
  id: z.number().int(),
  receivedAt: z.number().int(),
  sourceId: z.string().nullable(),
  environment: z.string().nullable(),
  method: z.string(),
  path: z.string(),
  contentType: z.string().nullable(),
  bodySize: z.number().int(),
  eventType: z.string().nullable(),
  idempotencyKey: z.string().nullable(),
  verification: VerificationStatusSchema,
  /** HTTP status Inlet answered with. */
  responseStatus: z.number().int(),
  /** Why the request was rejected or what went wrong parsing it, in words. */
  error: z.string().nullable(),
  processing: ProcessingSchema,
  actionStatus: ActionStatusSchema.nullable(),
  /** The event this one replays, when it is a replay. */
  replayOf: z.number().int().nullable(),
  /** For a replay: whether verification was enforced as configured, re-signed, or ignored. */
  replayMode: ReplayModeSchema.nullable(),
  origin: OriginSchema,
  /** True on a replay whose request was edited before it was sent (absent otherwise). */
  edited: z.boolean().optional(),
  /**
   * True on a capture imported from a redacted export (absent otherwise): its bytes changed, so
   * its original signature can't verify and a replay re-signs it by default.
   */
  redacted: z.boolean().optional(),
  /**
   * Where its forwarding stands, summed over its deliveries (failed, else held, else pending, else
   * delivered); null when it was not forwarded. Only log pages carry it.
   */
  delivery: DeliveryStatusSchema.nullable().optional(),
  /** Why an action was skipped or failed, in brief; only log pages carry it, on such events. */
  actionIssue: ActionIssueSchema.optional(),
});
export type EventSummary = z.infer<typeof EventSummarySchema>;

/** What a source's preprocess script returned for this event (secret var values masked). */
export const PreprocessOutputSchema = z.object({
  ok: z.boolean(),
  verified: z.boolean().optional(),
  extra: z.record(z.string(), z.unknown()).optional(),
  error: z.object({ kind: z.string(), message: z.string(), line: z.number().int().optional() }).optional(),
  logs: z.array(z.string()),
  durationMs: z.number(),
});
export type PreprocessOutput = z.infer<typeof PreprocessOutputSchema>;

export const EventDetailSchema = EventSummarySchema.extend({
  /** Header pairs as received (names lower-cased, order kept, repeats kept). */
  headers: z.array(z.tuple([z.string(), z.string()])),
  query: z.string(),
  /** The body as UTF-8 text when it is valid UTF-8, else null (see `bodyBase64`). */
  bodyText: z.string().nullable(),
  bodyBase64: z.string(),
  /** The parsed view used for mapping (JSON or form), null when unparseable or binary. */
  parsedBody: z.unknown().nullable(),
  parseError: z.string().nullable(),
  verificationResult: VerificationResultSchema,
  remoteAddress: z.string().nullable(),
  preprocessOutput: PreprocessOutputSchema.nullable(),
  actionRuns: z.array(ActionRunSchema),
});
export type EventDetail = z.infer<typeof EventDetailSchema>;

export const EventFilterSchema = z.object({
  sourceId: z.string().optional(),
  environment: z.string().optional(),
  eventType: z.string().optional(),
  verification: VerificationStatusSchema.optional(),
  /** Inclusive lower bound on `receivedAt` (ms). */
  from: z.number().int().optional(),
  /** Exclusive upper bound on `receivedAt` (ms). */
  to: z.number().int().optional(),
  actionStatus: ActionStatusSchema.optional(),
  origin: OriginSchema.optional(),
  /** Only the replays of this event. */
  replayOf: z.number().int().optional(),
  /** Only events with a delivery in this state (`held`: pending while its destination is held). */
  delivery: DeliveryStatusSchema.optional(),
  /**
   * Words to find in bodies, all required: finished words match whole, the last one as a prefix
   * of 3+ characters standing for at most 10,000 indexed terms (else as a whole word, or left out
   * after the word's other parts: "user42@e" finds user42).
   */
  search: z.string().trim().min(1).max(500).optional(),
});
export type EventFilter = z.infer<typeof EventFilterSchema>;

/** Per source and environment: the last event, and the events (and failures) since a window's start. */
export const SourceStatsSchema = z.object({
  sourceId: z.string(),
  environment: z.string(),
  lastEventAt: z.number().int(),
  lastEventId: z.number().int(),
  /** Events since the window's start. */
  recent: z.number().int(),
  /** Of those: failed verification, rejected, or with failing actions. */
  recentFailed: z.number().int(),
});
export type SourceStats = z.infer<typeof SourceStatsSchema>;
