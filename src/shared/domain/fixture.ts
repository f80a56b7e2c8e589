import { z } from 'zod';

/** Header names as the log keeps them: lowercase, one value each. */
export const FixtureHeadersSchema = z.record(z.string().min(1).max(200), z.string().max(16_384));

export const FixtureNameSchema = z.string().trim().min(1, 'Give the fixture a name').max(120);

/** The request a fixture holds; placeholders in `body` and header values are resolved when it is sent. */
export const FixtureRequestSchema = z.object({
  method: z.enum(['POST', 'PUT', 'PATCH', 'GET', 'DELETE']).default('POST'),
  query: z.string().max(8192).default(''),
  headers: FixtureHeadersSchema.default({}),
  body: z.string().max(10 * 1024 * 1024),
  /** `base64` for a binary body, which can hold no placeholders. */
  bodyEncoding: z.enum(['utf8', 'base64']).default('utf8'),
  /** The event type it was saved as, so the mapping editor can offer it next to samples of that type. */
  eventType: z.string().max(200).nullable().default(null),
});
export type FixtureRequest = z.output<typeof FixtureRequestSchema>;

/**
 * A named request saved on a source (issue #13): from a received, imported or edited event, or
 * typed in. Placeholders: `{{now}}` (unix seconds), `{{now_ms}}`, `{{iso_now}}`, `{{uuid}}` (one
 * value per send, the same everywhere in it), `{{env.NAME}}` (the source's variable in the
 * environment it is sent to).
 */
export const FixtureSchema = FixtureRequestSchema.extend({
  id: z.string(),
  sourceId: z.string(),
  name: z.string(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Fixture = z.output<typeof FixtureSchema>;

/** The placeholder names a fixture may use, for the editor's hint. */
export const FIXTURE_PLACEHOLDERS = ['{{now}}', '{{now_ms}}', '{{iso_now}}', '{{uuid}}', '{{env.NAME}}'] as const;
