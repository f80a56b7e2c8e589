import { z } from 'zod';
import { VerificationResultSchema, VerificationStatusSchema } from './verification';

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
});
export type EventSummary = z.infer<typeof EventSummarySchema>;

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
});
export type EventFilter = z.infer<typeof EventFilterSchema>;
