import { describe, expect, it } from 'vitest';
import type { ActionIssue } from '../../../../shared/domain/event';
import { createAppStore, wirePushEvents } from '../../app/store';
import { summary } from '../../test/fixtures';
import { fakeApi } from '../../test/fake-api';

const issue: ActionIssue = {
  mappingId: 'map_1', status: 'skipped', reason: 'No run started', notIdentified: ['cus_1'], notIdentifiedCount: 1, error: null, others: 0,
};

describe("a listed event's action issue", () => {
  it('reaches the row when the event is processed after the page loaded, so its tooltip can say why', async () => {
    const fake = fakeApi({
      'environments.list': () => [{ key: 'development', name: 'Development', position: 0, createdAt: 0 }],
      'events.list': () => ({ items: [summary({ id: 7, processing: 'pending', actionStatus: null })], nextCursor: null }),
    });
    const store = createAppStore(fake.api);
    wirePushEvents(fake.api, store);
    await store.getState().loadEnvironments();
    await store.getState().loadEvents();
    fake.push({ name: 'events.processed', payload: { id: 7, processing: 'done', actionStatus: 'skipped', actionIssue: issue } });
    expect(store.getState().events[0]).toMatchObject({ actionStatus: 'skipped', actionIssue: issue });
  });
});
