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
    const branding = { logoSvg: '<svg/>', color: '#635BFF' };
    const { api, calls } = fakeApi({ 'templates.list': () => [{ id: 'stripe', name: 'Stripe', branding }, { id: 'clerk', name: 'Clerk', branding }] });
    const store = createAppStore(api);
    await store.getState().loadTemplateBrands();
    expect(calls).toEqual([['templates.list', {}]]);
    expect(store.getState().templateBrands).toEqual({ stripe: { name: 'Stripe', branding }, clerk: { name: 'Clerk', branding } });
  });

  it('leaves the monograms (no brands) when the template list cannot load', async () => {
    const store = createAppStore(fakeApi({}).api);
    await expect(store.getState().loadTemplateBrands()).resolves.toBeUndefined();
    expect(store.getState().templateBrands).toEqual({});
  });
});
