import { describe, expect, it, vi } from 'vitest';
import type { PushMessage } from '../../shared/api/events';
import { PUSH_CHANNEL } from '../../preload/channels';
import { forwardPushEvents } from './event-forwarder';

const fakeCore = () => {
  const listeners = new Set<(m: PushMessage) => void>();
  return {
    subscribe(listener: (m: PushMessage) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit: (m: PushMessage) => listeners.forEach((l) => l(m)),
  };
};

const message: PushMessage = { name: 'config.changed', payload: { what: 'sources' } };

describe('event forwarder', () => {
  it('sends each push event to every live window on the push channel', () => {
    const core = fakeCore();
    const live = { send: vi.fn(), isDestroyed: () => false };
    const closed = { send: vi.fn(), isDestroyed: () => true };
    forwardPushEvents(core, () => [live, closed]);
    core.emit(message);
    expect(live.send).toHaveBeenCalledWith(PUSH_CHANNEL, message);
    expect(closed.send).not.toHaveBeenCalled();
  });

  it('stops sending after unsubscribe', () => {
    const core = fakeCore();
    const target = { send: vi.fn(), isDestroyed: () => false };
    forwardPushEvents(core, () => [target])();
    core.emit(message);
    expect(target.send).not.toHaveBeenCalled();
  });
});
