import { z } from 'zod';

/** A JSON value's type as a payload shape records it. */
export const FieldTypeSchema = z.enum(['string', 'number', 'boolean', 'null', 'object', 'array']);
export type FieldType = z.infer<typeof FieldTypeSchema>;

/**
 * How often a field had one type. `firstSeen`/`lastSeen` are event ordinals within the shape
 * (1 = the first event learned), so "recent" means the last few events, whatever their dates.
 */
export const FieldTypeStatSchema = z.object({
  type: FieldTypeSchema,
  count: z.number().int(),
  firstSeen: z.number().int(),
  lastSeen: z.number().int(),
});
export type FieldTypeStat = z.infer<typeof FieldTypeStatSchema>;

/** One field path (`body.data.items[*].id`; `[*]` is any array item, as mappings write it) and what was seen there. */
export const FieldShapeSchema = z.object({
  path: z.string(),
  /** Events in which the field was present at least once. */
  seen: z.number().int(),
  lastSeen: z.number().int(),
  types: z.array(FieldTypeStatSchema),
  /** A few distinct example values (scalars only, long strings cut). */
  examples: z.array(z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type FieldShape = z.infer<typeof FieldShapeSchema>;

/** The shape of the payloads seen for one source, environment and event type, learned as events arrive. */
export const PayloadShapeSchema = z.object({
  sourceId: z.string(),
  environment: z.string(),
  /** '' for events without a type. */
  eventType: z.string(),
  eventCount: z.number().int(),
  /** True once the field cap was reached: fields first seen after that are not tracked. */
  truncated: z.boolean(),
  fields: z.array(FieldShapeSchema),
  updatedAt: z.number().int(),
});
export type PayloadShape = z.infer<typeof PayloadShapeSchema>;

export const ShapeSummarySchema = PayloadShapeSchema.pick({ sourceId: true, environment: true, eventType: true, eventCount: true, truncated: true, updatedAt: true }).extend({
  fieldCount: z.number().int(),
});
export type ShapeSummary = z.infer<typeof ShapeSummarySchema>;

/** A field a mapping reads that recent events no longer carry, or carry with another type. */
export const ShapeDriftSchema = z.object({
  path: z.string(),
  kind: z.enum(['missing', 'type_changed']),
  message: z.string(),
});
export type ShapeDrift = z.infer<typeof ShapeDriftSchema>;
