import { z } from 'zod';
import { EnvKeySchema } from '../domain/environment';
import {
  DEFAULT_DESTINATION_TIMEOUT_MS,
  DEFAULT_RETRY_SCHEDULE,
  DeliveryDetailSchema,
  DeliveryStatusSchema,
  DeliverySchema,
  DestinationFieldsSchema,
  DestinationSchema,
  ResponseSettingSchema,
} from '../domain/destination';

const Id = z.string().min(1);
const F = DestinationFieldsSchema.shape;
const Secret = z.string().min(1).max(10_000).nullable().describe('a destination-specific signing secret for re-signing; null removes it');

/** Forwarding (issue #11): destinations, their deliveries, and what the receiver answers. Spread into `contract`. */
export const destinationMethods = {
  'destinations.list': {
    summary: 'Destinations with their health and held/pending/failed counts; all, or those of one source (and environment).',
    input: z.object({ sourceId: Id.optional(), environment: EnvKeySchema.optional() }),
    output: z.array(DestinationSchema),
  },
  'destinations.create': {
    changes: ['destinations'],
    summary: 'Adds a destination: every accepted event of the source in that environment (matching `eventTypes`, if any) is forwarded to `url`.',
    input: z.object({
      sourceId: Id,
      environment: EnvKeySchema,
      url: F.url,
      name: F.name,
      eventTypes: F.eventTypes.default([]),
      enabled: F.enabled.default(true),
      timeoutMs: F.timeoutMs.default(DEFAULT_DESTINATION_TIMEOUT_MS),
      signing: F.signing.default('as_received'),
      ordered: F.ordered.default(false),
      concurrency: F.concurrency.default(4),
      retrySchedule: F.retrySchedule.default([...DEFAULT_RETRY_SCHEDULE]),
      secret: Secret.optional(),
    }),
    output: DestinationSchema,
  },
  'destinations.update': {
    changes: ['destinations'],
    summary: 'Changes a destination; the fields given replace the current ones.',
    input: DestinationFieldsSchema.partial().extend({ id: Id, secret: Secret.optional() }),
    output: DestinationSchema,
  },
  'destinations.delete': {
    changes: ['destinations'],
    summary: 'Deletes a destination and its deliveries (the events stay).',
    input: z.object({ id: Id }),
    output: z.object({ deleted: z.literal(true) }),
  },
  'destinations.pause': {
    changes: ['destinations'],
    summary: 'Holds a destination: its events are kept (counted as held) and delivered on resume.',
    input: z.object({ id: Id }),
    output: DestinationSchema,
  },
  'destinations.resume': {
    changes: ['destinations'],
    summary: 'Releases a held destination (paused, or held because its app was down): held events go in order, at `ratePerSecond` when given.',
    input: z.object({ id: Id, ratePerSecond: z.number().min(0.1).max(10_000).optional() }),
    output: DestinationSchema,
  },
  'destinations.retryFailed': {
    changes: [],
    summary: 'Queues every failed delivery of a destination again.',
    input: z.object({ id: Id }),
    output: z.object({ queued: z.number().int() }),
  },
  'destinations.test': {
    changes: [],
    summary: 'Sends one of the source template\'s samples to the destination as it would forward it (signed as the provider would when the destination re-signs), and returns the answer; nothing is logged.',
    input: z.object({ id: Id, sampleId: Id.optional() }),
    output: z.object({
      status: z.number().int().nullable(),
      latencyMs: z.number().int(),
      error: z.string().nullable(),
      body: z.string(),
      headers: z.record(z.string(), z.string()),
    }),
  },
  'deliveries.list': {
    summary: 'Deliveries of one event (with every attempt), or of one destination by status.',
    input: z.union([
      z.object({ eventId: z.number().int() }),
      z.object({ destinationId: Id, status: DeliveryStatusSchema.optional(), limit: z.number().int().min(1).max(500).default(100) }),
    ]),
    output: z.array(DeliveryDetailSchema),
  },
  'deliveries.retry': {
    changes: [],
    summary: 'Queues one delivery again now (delivered or failed); progress arrives as `deliveries.changed`.',
    input: z.object({ id: z.number().int() }),
    output: DeliverySchema,
  },
  'responses.get': {
    summary: 'What the receiver answers the sender for a source in an environment.',
    input: z.object({ sourceId: Id, environment: EnvKeySchema }),
    output: ResponseSettingSchema,
  },
  'responses.set': {
    changes: ['destinations'],
    summary: 'Sets what the receiver answers: its default, a fixed answer, an added delay, a random failure rate, or passthrough (the first destination\'s answer, with a fallback).',
    input: ResponseSettingSchema.partial().extend({ sourceId: Id, environment: EnvKeySchema }),
    output: ResponseSettingSchema,
  },
} as const;
