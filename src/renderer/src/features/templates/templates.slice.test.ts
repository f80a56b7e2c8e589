import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../app/store';
import { fakeApi } from '../../test/fake-api';
import { ApiFailure } from '../../../../shared/api/result';
import { source, summary } from '../../test/fixtures';
import type { Template, TemplateSummary } from '../../../../shared/domain/template';

const stripeSummary: TemplateSummary = {
  id: 'stripe',
  version: '1.0.0',
  name: 'Stripe',
  description: 'Billing events',
  category: 'billing',
  branding: { logoSvg: '<svg xmlns="http://www.w3.org/2000/svg"/>', color: '#635BFF' },
  eventTypes: ['customer.created', 'invoice.paid'],
};

const stripeTemplate = { ...stripeSummary, samples: [], defaultMappings: [] } as unknown as Template;

describe('templates slice', () => {
  it('shows the gallery loading until the list arrives, then lists the templates', async () => {
    let answer: (v: unknown) => void = () => {};
    const { api, calls } = fakeApi({ 'templates.list': () => new Promise((r) => (answer = r)) });
    const store = createAppStore(api);
    const loading = store.getState().loadTemplates();
    expect(store.getState()).toMatchObject({ templates: [], templatesStatus: 'loading', templatesError: null });
    await vi.waitFor(() => expect(calls).toEqual([['templates.list', {}]]));
    answer([stripeSummary]);
    await loading;
    expect(store.getState()).toMatchObject({ templates: [stripeSummary], templatesStatus: 'idle', templatesError: null });
  });

  it('says in words why the gallery could not load, and clears that on a successful retry', async () => {
    let up = false;
    const { api } = fakeApi({
      'templates.list': () => {
        if (!up) throw new Error('the host is restarting');
        return [stripeSummary];
      },
    });
    const store = createAppStore(api);
    await store.getState().loadTemplates();
    expect(store.getState()).toMatchObject({ templatesStatus: 'error', templatesError: expect.stringContaining('the host is restarting') });
    up = true;
    const retry = store.getState().loadTemplates();
    expect(store.getState()).toMatchObject({ templatesStatus: 'loading', templatesError: null });
    await retry;
    expect(store.getState()).toMatchObject({ templates: [stripeSummary], templatesStatus: 'idle', templatesError: null });
  });

  it('fetches a template once, however many ask for it at the same time', async () => {
    const { api, calls } = fakeApi({ 'templates.get': () => stripeTemplate });
    const store = createAppStore(api);
    const [a, b] = await Promise.all([store.getState().loadTemplate('stripe'), store.getState().loadTemplate('stripe')]);
    await store.getState().loadTemplate('stripe');
    expect(a).toBe(b);
    expect(calls.filter(([m]) => m === 'templates.get')).toHaveLength(1);
    expect(store.getState().templateDetails.stripe).toEqual(stripeTemplate);
  });

  it('connects, sets the script variables, then lists and selects the new source', async () => {
    const created = source({ id: 'src_stripe', key: 'stripe', templateId: 'stripe' });
    const { api, calls } = fakeApi({ 'sources.connect': () => created, 'sources.setVar': () => created, 'sources.list': () => [source(), created] });
    const store = createAppStore(api);
    const result = await store.getState().connectTemplate({
      templateId: 'stripe',
      key: 'stripe',
      mappingIds: ['customer-created-identify'],
      secrets: { development: 'whsec_abc' },
      vars: { development: { REGION: 'eu', API_KEY: 'k', EMPTY: '' } },
      secretVars: ['API_KEY'],
    });
    expect(result).toEqual({ ok: true, value: { source: created, warnings: [] } });
    expect(calls[0]).toEqual(['sources.connect', { templateId: 'stripe', key: 'stripe', mappingIds: ['customer-created-identify'], secrets: { development: 'whsec_abc' } }]);
    expect(calls.filter(([m]) => m === 'sources.setVar')).toEqual([
      ['sources.setVar', { id: 'src_stripe', environment: 'development', name: 'REGION', value: 'eu' }],
      ['sources.setVar', { id: 'src_stripe', environment: 'development', name: 'API_KEY', value: 'k', secret: true }],
    ]);
    expect(store.getState().sources.map((s) => s.id)).toContain('src_stripe');
    expect(store.getState().selectedSourceId).toBe('src_stripe');
  });

  it('returns a refused connect with its code and sets no variables', async () => {
    const { api, calls } = fakeApi({
      'sources.connect': () => {
        throw new ApiFailure('conflict', 'A source with key "stripe" already exists');
      },
    });
    const store = createAppStore(api);
    const result = await store.getState().connectTemplate({ templateId: 'stripe', key: 'stripe', mappingIds: [], secrets: {}, vars: { development: { REGION: 'eu' } } });
    expect(result).toEqual({ ok: false, error: { code: 'conflict', message: 'A source with key "stripe" already exists' } });
    expect(calls.map(([m]) => m)).toEqual(['sources.connect']);
  });

  it('keeps the connected source when a variable is refused, and says which one', async () => {
    const created = source({ id: 'src_x' });
    const { api } = fakeApi({
      'sources.connect': () => created,
      'sources.setVar': () => {
        throw new Error('value too long');
      },
      'sources.list': () => [created],
    });
    const result = await createAppStore(api).getState().connectTemplate({ templateId: 'x', key: 'x', mappingIds: [], secrets: {}, vars: { production: { TOKEN: 'v' } } });
    expect(result).toMatchObject({ ok: true, value: { source: created, warnings: [expect.stringMatching(/TOKEN \(production\).*value too long/)] } });
  });

  it('passes on what the host says about a pasted secret, and lets a check it could not make pass', async () => {
    const problem = { ok: false, problem: 'This looks like a Stripe API key (sk_…), not a webhook signing secret (whsec_…).' };
    const store = createAppStore(fakeApi({ 'templates.checkSecret': () => problem }).api);
    expect(await store.getState().checkTemplateSecret('stripe', 'sk_test_1')).toEqual(problem);
    expect(await createAppStore(fakeApi({}).api).getState().checkTemplateSecret('stripe', 'x')).toEqual({ ok: true });
  });

  it("returns the receiver's answer to a test event, or why it could not be sent", async () => {
    const answer = { status: 200, event: summary({ id: 7, origin: 'test' }) };
    const ok = createAppStore(fakeApi({ 'events.sendTest': () => answer }).api);
    expect(await ok.getState().sendTestEvent({ sourceId: 'src_1', environment: 'development', sample: { sampleId: 'customer-created' } })).toEqual({ ok: true, value: answer });
    const broken = createAppStore(fakeApi({}).api);
    expect(await broken.getState().sendTestEvent({ sourceId: 'src_1', environment: 'development', sample: { eventId: 3 } })).toMatchObject({ ok: false });
  });

  it('opens and closes the connect dialog for one template', () => {
    const store = createAppStore(fakeApi({}).api);
    store.getState().openConnect('stripe');
    expect(store.getState().connectTemplateId).toBe('stripe');
    store.getState().closeConnect();
    expect(store.getState().connectTemplateId).toBeNull();
  });
});
