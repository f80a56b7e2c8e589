import type { WebContents } from 'electron';
import { PUSH_CHANNEL } from '../../preload/channels';
import type { PushMessage } from '../../shared/api/events';
import type { Core } from '../core/create-core';

type PushTarget = Pick<WebContents, 'send' | 'isDestroyed'>;

/**
 * Sends every core push event to every live app window. Windows come from a getter because they open
 * and close while the core runs; returns the unsubscribe function.
 */
export function forwardPushEvents(core: Pick<Core, 'subscribe'>, targets: () => Iterable<PushTarget>): () => void {
  return core.subscribe((message: PushMessage) => {
    for (const target of targets()) {
      if (!target.isDestroyed()) target.send(PUSH_CHANNEL, message);
    }
  });
}
