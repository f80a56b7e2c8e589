import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../app/store';
import { fakeApi } from '../../test/fake-api';
import { summary } from '../../test/fixtures';

afterEach(() => vi.useRealTimers());

describe('source page slice', () => {
  it('refreshes the sources stats once for a burst of pushed events', async () => {
    vi.useFakeTimers();
    const { api, calls, push } = fakeApi({ 'sources.stats': () => [] });
    const store = createAppStore(api);
    const { wirePushEvents } = await import('../../app/store');
    wirePushEvents(api, store);
    for (let id = 1; id <= 20; id++) push({ name: 'events.received', payload: summary({ id }) });
    push({ name: 'events.processed', payload: { id: 1, processing: 'done', actionStatus: 'success' } });
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls.filter(([m]) => m === 'sources.stats')).toHaveLength(1);
  });

  it('opens a newly created source on its Settings tab', async () => {
    const { api } = fakeApi({ 'sources.create': () => ({ id: 'src_9', key: 'k', name: 'k', templateId: 'custom', templateVersion: '1', createdAt: 0, settings: [] }) });
    const store = createAppStore(api);
    store.getState().setSourceTab('logs');
    await store.getState().createSource({ key: 'k' });
    expect(store.getState().sourceTab).toBe('settings');
  });

  it('keeps template logos by template id', async () => {
    const { api } = fakeApi({ 'templates.list': () => [{ id: 'stripe', name: 'Stripe', branding: { logoSvg: '<svg/>', color: '#635BFF' } }] });
    const store = createAppStore(api);
    await store.getState().loadTemplateBrands();
    expect(store.getState().templateBrands.stripe?.branding.color).toBe('#635BFF');
  });
});
