import { ApiFailure } from '../../../../shared/api/result';
import { createFixture, mustGetFixture, requestOfEvent, resolveFixture, updateFixture } from '../../fixtures/fixtures';
import { fixturesRepo } from '../../fixtures/fixtures-repo';
import { rehearseEvent } from '../../pipeline/rehearse';
import { sendTestEvent } from '../../sources/send-test';
import type { CoreContext, PipelineServices } from '../../context';
import type { Handlers } from '../dispatcher';

type FixtureHandlers = Pick<
  Handlers,
  'fixtures.list' | 'fixtures.create' | 'fixtures.rename' | 'fixtures.update' | 'fixtures.delete' | 'fixtures.resolve' | 'fixtures.send' | 'fixtures.rehearse'
>;

export function fixtureHandlers(ctx: CoreContext, services: PipelineServices): FixtureHandlers {
  const mustHaveSource = (id: string) => {
    if (!ctx.sources.get(id)) throw new ApiFailure('not_found', `No source with id "${id}"`);
  };
  return {
    'fixtures.list': ({ sourceId }) => fixturesRepo(ctx.db).list(sourceId),
    'fixtures.create': (input) => {
      if ('eventId' in input) {
        const event = ctx.events.get(input.eventId);
        if (!event) throw new ApiFailure('not_found', `No event ${input.eventId}`);
        if (!event.sourceId) throw new ApiFailure('invalid_input', `Event ${input.eventId} reached no source, so there is no source to keep it on`);
        return createFixture(ctx, event.sourceId, input.name, requestOfEvent(ctx, event));
      }
      mustHaveSource(input.sourceId);
      return createFixture(ctx, input.sourceId, input.name, input.request);
    },
    'fixtures.rename': ({ id, name }) => updateFixture(ctx, id, { name }),
    'fixtures.update': ({ id, ...patch }) => updateFixture(ctx, id, patch),
    'fixtures.delete': ({ id }) => {
      fixturesRepo(ctx.db).remove(mustGetFixture(ctx, id).id);
      return { deleted: true as const };
    },
    'fixtures.resolve': ({ id, environment }) => {
      const fixture = mustGetFixture(ctx, id);
      const r = resolveFixture(ctx, fixture, environment);
      return { method: r.method, query: r.query, headers: r.headers, body: fixture.bodyEncoding === 'base64' ? fixture.body : r.body.toString('utf8') };
    },
    'fixtures.send': ({ id, environment }) => {
      const fixture = mustGetFixture(ctx, id);
      return sendTestEvent(ctx, services, { sourceId: fixture.sourceId, environment, sample: { fixtureId: id }, overrides: [] });
    },
    'fixtures.rehearse': ({ id, environment }) => {
      const fixture = mustGetFixture(ctx, id);
      const r = resolveFixture(ctx, fixture, environment);
      const headers = Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v] as [string, string]);
      return rehearseEvent(ctx, fixture.sourceId, environment, { method: r.method, path: '/in/rehearsal', headers, query: r.query, contentType: r.contentType, body: r.body });
    },
  };
}
