import { describe, expect, it, vi } from 'vitest';
import type { Source } from '../../../shared/domain/source';
import { fakeApi } from '../test/fake-api';
import { buildCommands } from './commands';
import { createAppStore } from './store';

const stripe: Source = { id: 'src_1', key: 'stripe', name: 'Stripe', templateId: 'stripe', templateVersion: '1.0.0', createdAt: 0, settings: [] };

function setup() {
  const store = createAppStore(fakeApi({}).api);
  store.setState({
    sources: [stripe],
    environments: [
      { key: 'development', name: 'Development', position: 0, createdAt: 0 },
      { key: 'production', name: 'Production', position: 1, createdAt: 0 },
    ],
    currentEnv: 'development',
    templateBrands: { stripe: { name: 'Stripe', branding: { logoSvg: '', color: '#635bff' } } },
  });
  const ui = { showShortcuts: vi.fn(), notify: vi.fn() };
  const labels = () => buildCommands(store, ui).map((c) => c.label);
  const run = (label: string) => buildCommands(store, ui).find((c) => c.label === label)?.run();
  return { store, labels, run };
}

describe('palette commands', () => {
  it('offers navigation, each source and its log, the tunnel and the other environments', () => {
    const { labels } = setup();
    expect(labels()).toEqual(
      expect.arrayContaining(['Go to Log', 'Go to source: Stripe', 'Go to log: Stripe', 'Start the tunnel', 'Switch to environment: Production', 'Show keyboard shortcuts']),
    );
    expect(labels()).not.toContain('Switch to environment: Development');
  });

  it('opens a source’s Logs tab from "Go to log"', () => {
    const { store, run } = setup();
    store.getState().setView('settings');
    run('Go to log: Stripe');
    expect(store.getState()).toMatchObject({ view: 'sources', selectedSourceId: 'src_1', sourceTab: 'logs' });
  });

  it('offers a test event for the source on screen, first', () => {
    const { store, labels } = setup();
    store.setState({ view: 'sources', selectedSourceId: 'src_1' });
    expect(labels()[0]).toBe('Send a test event to Stripe');
  });
});
