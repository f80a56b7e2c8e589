import type { ActionType } from '../../../shared/domain/action';
import type { Mapping } from '../../../shared/domain/mapping';

let seq = 0;

/** A mapping active in development, matching every event type unless told otherwise. */
export const mapping = (actionType: ActionType, params: Record<string, string>, extra: Partial<Mapping> = {}): Mapping => {
  seq++;
  return {
    id: `map_${String(seq).padStart(3, '0')}`,
    sourceId: 'src_1',
    eventType: '*',
    actionType,
    params,
    activeIn: ['development'],
    position: seq,
    createdAt: 0,
    updatedAt: 0,
    ...extra,
  };
};
