import { z } from 'zod';
import { EnvKeySchema } from '../domain/environment';

const Id = z.string().min(1);

/** The formats captured requests are imported from. */
export const CAPTURE_FORMATS = ['inlet', 'jsonl', 'har', 'curl', 'stripe', 'http'] as const;
export const CaptureFormatSchema = z.enum(CAPTURE_FORMATS);
export type CaptureFormat = z.output<typeof CaptureFormatSchema>;

export const CAPTURE_FORMAT_NAMES: Record<CaptureFormat, string> = {
  inlet: "Inlet's export",
  jsonl: 'JSON Lines',
  har: 'HAR (browser or proxy recording)',
  curl: 'cURL commands',
  stripe: 'Stripe events',
  http: 'raw HTTP requests',
};

/** Text sent in one call; a bigger file is read by path or sent in parts (`captures.append`). */
export const MAX_CAPTURE_TEXT = 8 * 1024 * 1024;

/** Where an entry is in its file: `line 12` or `entry 3`. */
const WhereSchema = z.string();
/** The n-th entry read from the file (1-based, whatever its kind): what `select` names. */
const Ordinal = z.number().int().min(1);

export const CapturePreviewSchema = z.object({
  format: CaptureFormatSchema,
  formatName: z.string(),
  requests: z.array(
    z.object({
      ordinal: Ordinal,
      where: WhereSchema,
      method: z.string(),
      /** The path or URL it was sent to ('' when the file doesn't say). */
      target: z.string(),
      query: z.string(),
      /** As the source's settings read it. */
      eventType: z.string().nullable(),
      /** How the source would judge its signature now. */
      verification: z.enum(['verified', 'failed', 'unverified']).nullable(),
      bytes: z.number().int(),
      capturedAt: z.number().nullable(),
      unsigned: z.boolean(),
      /** Marked redacted by the Inlet export it came from: its original signature can't verify, a replay re-signs it. */
      redacted: z.boolean(),
    }),
  ),
  skipped: z.array(z.object({ ordinal: Ordinal, where: WhereSchema, reason: z.string(), method: z.string().optional(), target: z.string().optional() })),
  errors: z.array(z.object({ ordinal: Ordinal, where: WhereSchema, error: z.string() })),
  /** Counted over everything read, also past the lists' limit. */
  counts: z.object({ requests: z.number().int(), skipped: z.number().int(), errors: z.number().int() }),
  /** False when the preview stopped at `limit` requests or was given only the start of a file. */
  complete: z.boolean(),
});
export type CapturePreview = z.output<typeof CapturePreviewSchema>;

/** What a running or ended import reports (push `captures.progress`, and `captures.status`). */
export const CaptureProgressSchema = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'finished', 'cancelled', 'failed']),
  format: CaptureFormatSchema.nullable(),
  imported: z.number().int(),
  skipped: z.number().int(),
  /** Entries that could not be imported; the first ones are in `errors`. */
  failed: z.number().int(),
  errors: z.array(z.object({ where: WhereSchema, error: z.string() })),
  /** Characters read so far, and in all when known (a file by path), for a progress bar. */
  read: z.number(),
  total: z.number().nullable(),
  /** Log ids of what was imported (up to 100,000), on the last report only. */
  ids: z.array(z.number().int()).optional(),
  /** The import itself stopped (`failed`): why. */
  error: z.string().optional(),
});
export type CaptureProgress = z.output<typeof CaptureProgressSchema>;

const Where = z.object({ sourceId: Id, environment: EnvKeySchema });
const Text = z.string().max(MAX_CAPTURE_TEXT);

/** Captured requests from any format (issue #13): detected, previewed, then imported as a job. Spread into `contract`. */
export const captureMethods = {
  'captures.preview': {
    summary:
      'Detects the format of captured requests (Inlet export, JSON Lines, HAR, cURL, Stripe events, raw HTTP) and reads them without writing anything: the first requests with how the source would judge them, skipped entries and errors by line or entry.',
    input: Where.partial().extend({
      format: CaptureFormatSchema.optional(),
      text: Text.optional(),
      /** A file the host reads (the desktop app and the CLI). */
      path: z.string().min(1).optional(),
      /** `text` is only the start of a larger file: an entry cut off at its end is not an error. */
      partial: z.boolean().default(false),
      limit: z.number().int().min(1).max(2000).default(100),
    }).refine((i) => (i.text === undefined) !== (i.path === undefined), { message: 'Give either text or path.' }),
    output: CapturePreviewSchema,
  },
  'captures.import': {
    changes: [],
    summary:
      "Imports captured requests into a source's log (origin `import`, judged as the receiver would now, not mapped) as a background job: from `text`, a file `path` the host reads, or parts sent with `captures.append` (`streamed`). Progress arrives as `captures.progress`; a bad entry is reported and the rest imported.",
    input: Where.extend({
      format: CaptureFormatSchema.optional(),
      /** Only these entries (their `ordinal` in the preview), e.g. the HAR entries picked. */
      select: z.array(Ordinal).max(100_000).optional(),
      text: Text.optional(),
      path: z.string().min(1).optional(),
      streamed: z.literal(true).optional(),
    }).refine((i) => [i.text, i.path, i.streamed].filter((x) => x !== undefined).length === 1, { message: 'Give one of text, path or streamed.' }),
    output: z.object({ jobId: z.string() }),
  },
  'captures.append': {
    changes: [],
    summary: 'The next part of a streamed import\'s text; answers once the import has taken it (so parts are never piled up). `end` after the last.',
    input: z.object({ jobId: z.string(), text: Text, end: z.boolean().default(false) }),
    output: z.object({ accepted: z.boolean() }),
  },
  'captures.cancel': {
    changes: [],
    summary: 'Stops an import between batches; what was imported stays in the log.',
    input: z.object({ jobId: z.string() }),
    output: z.object({ cancelled: z.boolean() }),
  },
  'captures.status': {
    summary: 'Where an import stands (null once it ended more than a while ago or never existed).',
    input: z.object({ jobId: z.string() }),
    output: CaptureProgressSchema.nullable(),
  },
} as const;
