import { z } from 'zod';
import { EnvKeySchema } from './environment';

/** How a destination signs what it sends: the received bytes untouched, or signed afresh. */
export const DestinationSigningSchema = z.enum(['as_received', 'resign']);
export type DestinationSigning = z.infer<typeof DestinationSigningSchema>;

/** Seconds before each attempt: the first is the initial one (0 = at once), the rest are retries. */
export const DEFAULT_RETRY_SCHEDULE = [0, 10, 60, 300, 1800, 7200] as const;
export const DEFAULT_DESTINATION_TIMEOUT_MS = 30_000;
export const MAX_DESTINATION_TIMEOUT_MS = 5 * 60_000;

/** Where a destination stands: delivering, failing, held (paused or its app is down) or off. */
export const DestinationHealthSchema = z.enum(['ok', 'failing', 'held', 'disabled', 'idle']);

export const DestinationFieldsSchema = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  url: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//i.test(u), 'http:// or https:// only'),
  /** Event-type patterns as in mappings (`customer.*`); empty: every event. */
  eventTypes: z.array(z.string().trim().min(1).max(200)).max(50),
  enabled: z.boolean(),
  timeoutMs: z.number().int().min(100).max(MAX_DESTINATION_TIMEOUT_MS),
  signing: DestinationSigningSchema,
  /** Deliver one at a time, in arrival order (a failing head blocks the ones after it). */
  ordered: z.boolean(),
  concurrency: z.number().int().min(1).max(64),
  /** Seconds before each attempt (first: the initial attempt). */
  retrySchedule: z.array(z.number().int().min(0).max(7 * 24 * 3600)).min(1).max(20),
});

export const DestinationSchema = DestinationFieldsSchema.extend({
  id: z.string(),
  sourceId: z.string(),
  environment: EnvKeySchema,
  name: z.string(),
  /** A destination-specific signing secret is set (used instead of the environment's when re-signing). */
  hasSecret: z.boolean(),
  paused: z.boolean(),
  /** Held automatically because the app refused connections; probed until it answers. */
  autoHeld: z.boolean(),
  health: DestinationHealthSchema,
  counts: z.object({ pending: z.number().int(), held: z.number().int(), failed: z.number().int(), delivered: z.number().int() }),
  createdAt: z.number().int(),
});
export type Destination = z.infer<typeof DestinationSchema>;

export const DeliveryStatusSchema = z.enum(['pending', 'held', 'delivered', 'failed']);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

export const DeliveryAttemptSchema = z.object({
  n: z.number().int(),
  startedAt: z.number().int(),
  latencyMs: z.number().int(),
  request: z.object({ method: z.string(), url: z.string(), headers: z.array(z.tuple([z.string(), z.string()])), body: z.string().nullable() }),
  response: z.object({ status: z.number().int(), headers: z.record(z.string(), z.string()), body: z.string(), truncated: z.boolean() }).nullable(),
  error: z.string().nullable(),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttemptSchema>;

export const DeliverySchema = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  destinationId: z.string(),
  destinationName: z.string(),
  status: DeliveryStatusSchema,
  attempts: z.number().int(),
  nextAt: z.number().int().nullable(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.number().int(),
  finishedAt: z.number().int().nullable(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

export const DeliveryDetailSchema = DeliverySchema.extend({ attemptLog: z.array(DeliveryAttemptSchema) });
export type DeliveryDetail = z.infer<typeof DeliveryDetailSchema>;

/** An answer the receiver gives instead of its own. */
export const FixedAnswerSchema = z.object({
  status: z.number().int().min(100).max(599),
  body: z.string().max(64 * 1024),
  headers: z.record(z.string(), z.string()),
});
export type FixedAnswer = z.infer<typeof FixedAnswerSchema>;

/** What the receiver answers the sender, per source and environment. */
export const ResponseSettingSchema = z.object({
  /** `default`: Inlet's own answer; `fixed`: `answer`; `passthrough`: the first destination's answer. */
  mode: z.enum(['default', 'fixed', 'passthrough']),
  answer: FixedAnswerSchema.optional(),
  /** Added before answering (reproduces a provider's timeout and retries). */
  delayMs: z.number().int().min(0).max(5 * 60_000),
  /** Share of requests answered `failureAnswer` at random (0–1), to exercise the provider's retries. */
  failureRate: z.number().min(0).max(1),
  /** Passthrough: how long to wait for the destination (the sender's own timeout). */
  passthroughTimeoutMs: z.number().int().min(100).max(5 * 60_000),
  /** Passthrough: what is answered when the destination fails or is too slow. */
  fallback: FixedAnswerSchema,
});
export type ResponseSetting = z.infer<typeof ResponseSettingSchema>;

export const DEFAULT_RESPONSE_SETTING: ResponseSetting = {
  mode: 'default',
  delayMs: 0,
  failureRate: 0,
  passthroughTimeoutMs: 10_000,
  fallback: { status: 502, body: '{"ok":false,"error":"The app did not answer"}', headers: { 'content-type': 'application/json' } },
};
