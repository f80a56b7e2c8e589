import { eventTypeMatches } from '../../../../shared/domain/mapping';
import type { CoreContext } from '../../context';
import { bodyPathsOf, driftFor } from '../../shapes/drift';
import { toJsonSchema, toTypeScript } from '../../shapes/export-shape';
import { createShapesRepo } from '../../shapes/shapes.repo';
import { ApiFailure } from '../../../../shared/api/result';
import type { Handlers } from '../dispatcher';

type ShapeHandlers = Pick<Handlers, 'shapes.get' | 'shapes.list' | 'shapes.export' | 'shapes.drift'>;

export function shapeHandlers(ctx: CoreContext): ShapeHandlers {
  const shapes = createShapesRepo(ctx.db);
  const mustGet = (sourceId: string, environment: string, eventType: string) => {
    const shape = shapes.get(sourceId, environment, eventType);
    if (!shape) throw new ApiFailure('not_found', `No ${eventType || 'untyped'} events have been seen for this source in ${environment} yet.`);
    return shape;
  };
  return {
    'shapes.get': ({ sourceId, environment, eventType }) => shapes.get(sourceId, environment, eventType),
    'shapes.list': ({ sourceId, environment }) => shapes.summaries(sourceId, environment),
    'shapes.export': ({ sourceId, environment, eventType, format }) => {
      const shape = mustGet(sourceId, environment, eventType);
      return { text: format === 'json-schema' ? `${JSON.stringify(toJsonSchema(shape), null, 2)}\n` : toTypeScript(shape) };
    },
    'shapes.drift': ({ mappingId }) => {
      const mapping = ctx.mappings.get(mappingId);
      if (!mapping) throw new ApiFailure('not_found', `No mapping ${mappingId}`);
      const paths = Object.values(mapping.params).flatMap(bodyPathsOf);
      return shapes
        .forSource(mapping.sourceId)
        .filter((s) => mapping.activeIn.includes(s.environment) && eventTypeMatches(mapping.eventType, s.eventType))
        .map((s) => ({ environment: s.environment, eventType: s.eventType, drift: driftFor(s, paths) }))
        .filter((d) => d.drift.length > 0);
    },
  };
}
