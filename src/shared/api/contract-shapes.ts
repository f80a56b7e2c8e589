import { z } from 'zod';
import { EnvKeySchema } from '../domain/environment';
import { PayloadShapeSchema, ShapeDriftSchema, ShapeSummarySchema } from '../domain/shape';

const SourceId = z.string().min(1);
/** '' names the events without a type. */
const EventType = z.string().max(500);

/** Payload shapes learned from traffic (issue #14). Read-only: learning happens as events arrive. Spread into `contract`. */
export const shapeMethods = {
  'shapes.list': {
    summary: "The event types a source's payload shapes were learned for, with how many events and fields each.",
    input: z.object({ sourceId: SourceId, environment: EnvKeySchema.optional() }),
    output: z.array(ShapeSummarySchema),
  },
  'shapes.get': {
    summary: 'The learned shape of one event type: every field path with its types, how often it was present, and examples.',
    input: z.object({ sourceId: SourceId, environment: EnvKeySchema, eventType: EventType }),
    output: PayloadShapeSchema.nullable(),
  },
  'shapes.export': {
    summary: 'A learned shape as a JSON Schema or a TypeScript type.',
    input: z.object({ sourceId: SourceId, environment: EnvKeySchema, eventType: EventType, format: z.enum(['json-schema', 'typescript']) }),
    output: z.object({ text: z.string() }),
  },
  'shapes.drift': {
    summary: 'Fields a mapping reads that recent events stopped carrying or carry with another type, per environment and event type.',
    input: z.object({ mappingId: z.string().min(1) }),
    output: z.array(z.object({ environment: z.string(), eventType: z.string(), drift: z.array(ShapeDriftSchema) })),
  },
} as const;
