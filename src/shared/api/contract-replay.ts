import { z } from 'zod';
import { EventFilterSchema, ReplayModeSchema } from '../domain/event';

const EventId = z.number().int();

/**
 * A replay's mode; absent, Inlet picks it per event: `resign` when the event is older than its
 * scheme's tolerance (or edited) and can be re-signed, else `as_is`.
 */
export const ReplayModeInput = ReplayModeSchema.optional();

/** Parts of a logged request replaced before it is replayed; each given part replaces the logged one whole. */
export const ReplayEditSchema = z.object({
  /** The body as text (sent as UTF-8). */
  body: z.string().max(10 * 1024 * 1024).optional(),
  /** Every header to send (names are lower-cased). */
  headers: z.record(z.string().min(1).max(200), z.string().max(16 * 1024)).optional(),
  /** The query string, without `?`. */
  query: z.string().max(16 * 1024).optional(),
});

/** The events a bulk replay takes: exactly `ids`, or those the filter matches (oldest first, at most `max`). */
export const BulkReplaySelectionSchema = EventFilterSchema.extend({
  /** Exactly these events (e.g. the ones just imported); the other filters are then ignored. */
  ids: z.array(z.number().int()).max(100_000).optional(),
  max: z.number().int().min(1).max(100_000).default(10_000),
});

/** Re-signing on replay (issue #13). Read-only. Spread into `contract`. */
export const replayMethods = {
  'events.replayPlan': {
    summary:
      "What a bulk replay without a mode would do with the events it selects (as `events.replayMany` selects them): how many are re-signed (their signature is older than its scheme's tolerance) and why, how many are verified as configured, and how many would fail verification as configured now.",
    input: BulkReplaySelectionSchema,
    output: z.object({
      /** Events the bulk replay would take. */
      total: z.number().int(),
      /** Re-signed by default: stale (or redacted on export), and Inlet can sign for their source. */
      resign: z.number().int(),
      /** Of `resign`, those re-signed because they were imported from a redacted export (their bytes changed). */
      redacted: z.number().int(),
      /** Replayed ignoring verification by default: redacted on export, and Inlet can't sign for their source. */
      ignoreVerification: z.number().int(),
      /** Verified as configured by default. */
      asConfigured: z.number().int(),
      /** Would fail verification if replayed as configured now: stale signatures, or ones the current secrets don't match. */
      failAsConfigured: z.number().int(),
      /** Can't be re-signed (their source's scheme needs a key Inlet lacks, or has no signature). */
      unsignable: z.number().int(),
      /** The ones re-signed for a stale signature, by provider: its tolerance and how many. */
      stale: z.array(z.object({ provider: z.string(), toleranceSeconds: z.number().int(), count: z.number().int() })),
      /** The default in sentences, e.g. "2 of 3 events will be re-signed: their signatures are older than Stripe accepts (5 minutes). The other 1 is verified as configured." */
      summary: z.string(),
    }),
  },
  'events.replayOptions': {
    summary:
      'How an event can be replayed: each mode with whether it is available (re-signing needs a scheme Inlet can sign and a secret) and why not, the default mode and, in a sentence, why.',
    input: z.object({ id: EventId }),
    output: z.object({
      modes: z.array(z.object({ mode: ReplayModeSchema, available: z.boolean(), reason: z.string().nullable() })),
      defaultMode: ReplayModeSchema,
      /** Why the default is what it is, e.g. "This event is 8 minutes old; Stripe rejects signatures older than 5 minutes, so Inlet re-signs it." */
      reason: z.string().nullable(),
      ageSeconds: z.number().int(),
      /** How old a signature may be before the scheme refuses it; 0 when it checks no age. */
      toleranceSeconds: z.number().int(),
    }),
  },
  'events.resignedRequest': {
    summary:
      "The logged request signed afresh now, as its provider would, for sending to Inlet's receiver (e.g. as a cURL command); valid until `expiresAt` when the scheme has an age limit.",
    input: z.object({ id: EventId }),
    output: z.object({
      method: z.string(),
      path: z.string(),
      query: z.string(),
      headers: z.array(z.tuple([z.string(), z.string()])),
      bodyText: z.string().nullable(),
      bodyBase64: z.string(),
      bodySize: z.number().int(),
      signedAt: z.number().int(),
      expiresAt: z.number().int().nullable(),
    }),
  },
};
