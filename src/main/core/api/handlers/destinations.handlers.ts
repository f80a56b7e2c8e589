import { ApiFailure } from '../../../../shared/api/result';
import type { DestinationRecord } from '../../deliveries/destinations-repo';
import { deliveryDetail, deliveryView, destinationView } from '../../deliveries/views';
import { sendSignedTo } from '../../sources/send-test';
import { getTemplate } from '../../templates/index';
import { newId } from '../../util/ids';
import type { CoreContext, PipelineServices } from '../../context';
import type { Handlers } from '../dispatcher';

type DestinationHandlers = Pick<
  Handlers,
  | 'destinations.list' | 'destinations.create' | 'destinations.update' | 'destinations.delete' | 'destinations.pause'
  | 'destinations.resume' | 'destinations.retryFailed' | 'destinations.test' | 'deliveries.list' | 'deliveries.retry'
  | 'responses.get' | 'responses.set'
>;

const nameOf = (url: string) => {
  const u = new URL(url);
  return `${u.host}${u.pathname === '/' ? '' : u.pathname}`;
};

export function destinationHandlers(ctx: CoreContext, services: Pick<PipelineServices, 'forwarding'>): DestinationHandlers {
  // Read at call time: handler tables are built before (and, in some tests, without) the forwarder.
  const fw = () => services.forwarding;
  const mustExist = (id: string): DestinationRecord => {
    const d = fw().service.destinationsRepo.get(id);
    if (!d) throw new ApiFailure('not_found', `No destination "${id}"`);
    return d;
  };
  const mustHaveRoute = (sourceId: string, environment: string) => {
    const source = ctx.sources.get(sourceId);
    if (!source) throw new ApiFailure('not_found', `No source with id "${sourceId}"`);
    if (!source.settings.some((s) => s.environment === environment)) throw new ApiFailure('not_found', `No environment "${environment}"`);
    return source;
  };
  const seal = (secret: string | null | undefined, current: Buffer | null) =>
    secret === undefined ? current : secret === null ? null : ctx.secretStore.seal(secret);
  // The dispatcher reloads the forwarder after these (declared `changes`); views read the saved row.
  const view = (d: DestinationRecord) => destinationView(fw().service, d);

  return {
    'destinations.list': ({ sourceId, environment }) => {
      const counts = fw().service.repo.counts();
      return fw().service.destinationsRepo
        .list()
        .filter((d) => (!sourceId || d.sourceId === sourceId) && (!environment || d.environment === environment))
        .map((d) => destinationView(fw().service, fw().service.cache.get(d.id) ?? d, counts.get(d.id)));
    },
    'destinations.create': ({ secret, ...input }) => {
      mustHaveRoute(input.sourceId, input.environment);
      const d: DestinationRecord = {
        ...input,
        id: newId('dst'),
        name: input.name ?? nameOf(input.url),
        secret: seal(secret, null),
        paused: false,
        autoHeldAt: null,
        createdAt: ctx.clock.now(),
      };
      fw().service.destinationsRepo.save(d);
      return view(d);
    },
    'destinations.update': ({ id, secret, ...patch }) => {
      const current = mustExist(id);
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const d: DestinationRecord = { ...current, ...defined, secret: seal(secret, current.secret) };
      fw().service.destinationsRepo.save(d);
      return view(d);
    },
    'destinations.delete': ({ id }) => {
      mustExist(id);
      fw().service.destinationsRepo.remove(id);
      return { deleted: true };
    },
    'destinations.pause': ({ id }) => view(fw().service.hold.pause(fw().service.cache.get(id) ?? mustExist(id))),
    'destinations.resume': ({ id, ratePerSecond }) => view(fw().service.hold.resume(fw().service.cache.get(id) ?? mustExist(id), ratePerSecond ?? null)),
    'destinations.retryFailed': ({ id }) => {
      mustExist(id);
      return { queued: fw().service.retryFailed(id) };
    },
    'destinations.test': async ({ id, sampleId }) => {
      const d = mustExist(id);
      const source = mustHaveRoute(d.sourceId, d.environment);
      const sample = sampleId ?? getTemplate(source.templateId)?.samples[0]?.id;
      if (!sample) throw new ApiFailure('invalid_input', `${source.name} was not made from a template, so it has no sample to send; send an event to its URL instead.`);
      try {
        const answer = await sendSignedTo(ctx, { sourceId: d.sourceId, environment: d.environment, sample: { sampleId: sample }, url: d.url, timeoutMs: d.timeoutMs, overrides: [] });
        return { status: answer.status, latencyMs: Math.round(answer.latencyMs), error: null, body: answer.body, headers: answer.headers };
      } catch (error) {
        if (!(error instanceof ApiFailure) || error.code !== 'internal') throw error;
        return { status: null, latencyMs: 0, error: error.message, body: '', headers: {} };
      }
    },
    'deliveries.list': (input) => {
      if ('eventId' in input) return fw().service.repo.forEvent(input.eventId).map((row) => deliveryDetail(fw().service, row));
      mustExist(input.destinationId);
      const status = input.status === 'held' ? 'pending' : input.status;
      const rows = status
        ? fw().service.repo.forDestination(input.destinationId, status, input.limit)
        : (['pending', 'failed', 'delivered'] as const).flatMap((s) => fw().service.repo.forDestination(input.destinationId, s, input.limit)).sort((a, b) => b.id - a.id).slice(0, input.limit);
      return rows.map((row) => deliveryDetail(fw().service, row)).filter((r) => !input.status || r.status === input.status);
    },
    'deliveries.retry': ({ id }) => {
      const row = fw().service.repo.get(id);
      if (!row) throw new ApiFailure('not_found', `No delivery ${id}`);
      if (row.status === 'pending') throw new ApiFailure('conflict', `Delivery ${id} is already waiting to be sent`);
      fw().service.retry(id);
      return deliveryView(fw().service, fw().service.repo.get(id) ?? row);
    },
    'responses.get': ({ sourceId, environment }) => {
      mustHaveRoute(sourceId, environment);
      return fw().responses.get(sourceId, environment);
    },
    'responses.set': ({ sourceId, environment, ...patch }) => {
      mustHaveRoute(sourceId, environment);
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const next = { ...fw().responses.get(sourceId, environment), ...defined };
      if (next.mode === 'fixed' && !next.answer) throw new ApiFailure('invalid_input', 'A fixed answer needs its status, body and headers', [{ path: ['answer'], message: 'required for mode "fixed"' }]);
      fw().responses.set(sourceId, environment, next);
      return fw().responses.get(sourceId, environment);
    },
  };
}
