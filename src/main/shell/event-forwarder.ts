import type { WebContents } from 'electron';
import type { PushMessage } from '../../shared/api/events';
import type { Core } from '../core/create-core';

/** The one push channel; the preload listens on the same name. */
export const PUSH_CHANNEL = 'inlet:push';

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
