import { z } from 'zod';

/**
 * What an export redacts (issue #13): built-in detectors, each on or off, and the user's own
 * rules. One set of rules is applied by one redactor per file, so a value gets the same
 * placeholder everywhere in that file.
 */
export const REDACTION_DETECTORS = ['emails', 'phones', 'cards', 'credentials', 'apiKeys', 'jwts', 'ips'] as const;
export const RedactionDetectorSchema = z.enum(REDACTION_DETECTORS);
export type RedactionDetector = z.infer<typeof RedactionDetectorSchema>;

/** What each detector finds, in the words the export dialog shows. */
export const DETECTOR_LABELS: Record<RedactionDetector, string> = {
  emails: 'Email addresses',
  phones: 'Phone numbers',
  cards: 'Card numbers (Luhn-checked)',
  credentials: 'Authorization, bearer tokens, cookies',
  apiKeys: 'API keys (sk_live_…, rk_…, whsec_…, xox…-, ghp_…)',
  jwts: 'JWTs',
  ips: 'IP addresses (v4 and v6)',
};

const isRegex = (pattern: string): boolean => {
  try {
    new RegExp(pattern, 'g');
    return true;
  } catch {
    return false;
  }
};

export const RedactionRuleSchema = z.discriminatedUnion('kind', [
  /**
   * A field by path: `data.object.email`, `items[*].card` or `items.*.card` (a `*` is any one
   * key or index); `body.` or `$.` may lead. `query.<name>` is a query parameter. A path that
   * names an object or a list redacts everything under it.
   */
  z.object({ kind: z.literal('path'), path: z.string().trim().min(1).max(500) }),
  /** Every value of a header (any case). */
  z.object({ kind: z.literal('header'), name: z.string().trim().min(1).max(200) }),
  /** Every match of a JavaScript regular expression, in bodies, headers and the query. */
  z.object({
    kind: z.literal('regex'),
    pattern: z.string().min(1).max(1000).refine(isRegex, { message: 'is not a valid regular expression' }),
    caseInsensitive: z.boolean().default(false),
  }),
]);
export type RedactionRule = z.infer<typeof RedactionRuleSchema>;

const detectorDefaults = Object.fromEntries(REDACTION_DETECTORS.map((d) => [d, z.boolean().default(true)])) as {
  [D in RedactionDetector]: z.ZodDefault<z.ZodBoolean>;
};

export const RedactionRulesSchema = z.object({
  /** Every detector is on unless turned off. */
  detectors: z.object(detectorDefaults).prefault({}),
  rules: z.array(RedactionRuleSchema).max(200).default([]),
});
export type RedactionRules = z.output<typeof RedactionRulesSchema>;
export type RedactionRulesInput = z.input<typeof RedactionRulesSchema>;

/** Nothing redacted: what an export without redaction uses. */
export const NO_REDACTION: RedactionRules = {
  detectors: Object.fromEntries(REDACTION_DETECTORS.map((d) => [d, false])) as Record<RedactionDetector, boolean>,
  rules: [],
};

/** One value a redactor replaced: where, what found it, and the value before and after. */
export const RedactionChangeSchema = z.object({
  /** `header authorization`, `body data.object.email`, `query token`, or `body` for text bodies. */
  where: z.string(),
  /** The detector (`emails`, …) or the user rule (`path`, `header`, `regex`) that matched. */
  kind: z.string(),
  before: z.string(),
  after: z.string(),
});
export type RedactionChange = z.infer<typeof RedactionChangeSchema>;
