import { z } from 'zod';
import { EnvKeySchema } from '../domain/environment';
import { ActionRunSchema, EventSummarySchema } from '../domain/event';
import { FixtureNameSchema, FixtureRequestSchema, FixtureSchema } from '../domain/fixture';
import { ActionPlanSchema } from '../domain/mapping';
import { VerificationResultSchema } from '../domain/verification';

const Id = z.string().min(1);
const Target = z.object({ id: Id, environment: EnvKeySchema });

/** Fixtures (issue #13): named requests on a source, sent signed or rehearsed. Spread into `contract`. */
export const fixtureMethods = {
  'fixtures.list': {
    summary: 'Saved fixtures, all or those of one source, by name.',
    input: z.object({ sourceId: Id.optional() }),
    output: z.array(FixtureSchema),
  },
  'fixtures.create': {
    changes: ['fixtures'],
    summary:
      'Saves a request as a named fixture: a logged event (received, imported or replayed after an edit; it goes on the event\'s source) or a request typed in for `sourceId`. Names are unique per source.',
    input: z.union([
      z.object({ name: FixtureNameSchema, eventId: z.number().int() }),
      z.object({ name: FixtureNameSchema, sourceId: Id, request: FixtureRequestSchema }),
    ]),
    output: FixtureSchema,
  },
  'fixtures.rename': {
    changes: ['fixtures'],
    summary: 'Renames a fixture.',
    input: z.object({ id: Id, name: FixtureNameSchema }),
    output: FixtureSchema,
  },
  'fixtures.update': {
    changes: ['fixtures'],
    summary: 'Changes a fixture\'s request; the fields given replace the current ones.',
    input: FixtureRequestSchema.partial().extend({ id: Id, name: FixtureNameSchema.optional() }),
    output: FixtureSchema,
  },
  'fixtures.delete': {
    changes: ['fixtures'],
    summary: 'Deletes a fixture.',
    input: z.object({ id: Id }),
    output: z.object({ deleted: z.literal(true) }),
  },
  'fixtures.resolve': {
    summary: 'The fixture\'s request with its placeholders filled as a send would now (`{{now}}`, `{{uuid}}`, `{{env.X}}` from the environment\'s variables), before signing.',
    input: Target,
    output: z.object({ method: z.string(), query: z.string(), headers: z.record(z.string(), z.string()), body: z.string() }),
  },
  'fixtures.send': {
    changes: [],
    summary:
      'Sends a fixture as a test event: placeholders filled, signed as the provider would (the environment\'s secret, fresh timestamp and delivery id) and posted through the real receiver, like `events.sendTest`.',
    input: Target,
    output: z.object({ status: z.number().int(), event: EventSummarySchema }),
  },
  'fixtures.rehearse': {
    summary: 'Runs a fixture (placeholders filled, as saved otherwise) through its source\'s configuration in one environment and rolls every change back, like `events.rehearse`.',
    input: Target,
    output: z.object({
      verification: VerificationResultSchema,
      eventType: z.string().nullable(),
      idempotencyKey: z.string().nullable(),
      outcomes: z.array(z.object({ plan: ActionPlanSchema, run: ActionRunSchema.pick({ status: true, errors: true, result: true }) })),
    }),
  },
} as const;
