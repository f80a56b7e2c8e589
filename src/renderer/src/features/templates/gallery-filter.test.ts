import { describe, expect, it } from 'vitest';
import type { Template, TemplateMapping, TemplateSummary } from '../../../../shared/domain/template';
import { filterTemplates, groupByEventType, keyProblem, presentCategories, samplesByRelevance, suggestKey, svgDataUrl } from './gallery-filter';

const t = (id: string, category: TemplateSummary['category'], eventTypes: string[] = []): TemplateSummary => ({
  id,
  version: '1',
  name: id[0]!.toUpperCase() + id.slice(1),
  description: `${id} webhooks`,
  category,
  branding: { logoSvg: '<svg/>', color: '#000000' },
  eventTypes,
});
const all = [t('stripe', 'billing', ['invoice.paid']), t('clerk', 'auth', ['user.created']), t('paddle', 'billing')];

const mapping = (id: string, eventType: string): TemplateMapping => ({ id, label: id, eventType, actionType: 'users_identify', params: {}, enabledByDefault: true });

describe('gallery filter', () => {
  it('finds templates by every word typed, in name, description or event types', () => {
    expect(filterTemplates(all, 'invoice', 'all').map((x) => x.id)).toEqual(['stripe']);
    expect(filterTemplates(all, 'USER created', 'all').map((x) => x.id)).toEqual(['clerk']);
    expect(filterTemplates(all, '', 'billing').map((x) => x.id)).toEqual(['stripe', 'paddle']);
    expect(filterTemplates(all, 'clerk', 'billing')).toEqual([]);
  });

  it('offers only the categories some template has', () => {
    expect(presentCategories(all)).toEqual(['billing', 'auth']);
  });

  it('suggests the template id as key, numbered when taken', () => {
    expect(suggestKey('stripe', [])).toBe('stripe');
    expect(suggestKey('stripe', ['stripe', 'stripe-2'])).toBe('stripe-3');
  });

  it('explains a key that cannot be used', () => {
    expect(keyProblem('stripe', [])).toBeNull();
    expect(keyProblem('', [])).toMatch(/required/);
    expect(keyProblem('Stripe Live', [])).toMatch(/lower-case/);
    expect(keyProblem('stripe', ['stripe'])).toMatch(/already exists/);
  });

  it('groups default mappings by event type in template order', () => {
    const groups = groupByEventType([mapping('a', 'customer.created'), mapping('b', 'invoice.paid'), mapping('c', 'customer.created')]);
    expect(groups.map((g) => [g.eventType, g.mappings.map((m) => m.id)])).toEqual([
      ['customer.created', ['a', 'c']],
      ['invoice.paid', ['b']],
    ]);
  });

  it('puts samples the chosen mappings handle first', () => {
    const samples = ['charge.refunded', 'invoice.paid', 'customer.created'].map((eventType) => ({ id: eventType, eventType, label: eventType, headers: {}, body: {}, contentType: 'application/json' }));
    const template = { samples } as unknown as Template;
    expect(samplesByRelevance(template, ['customer.*', 'invoice.paid']).map((s) => s.eventType)).toEqual(['invoice.paid', 'customer.created', 'charge.refunded']);
  });

  it('turns an SVG into an image URL with no raw markup in it that decodes back to the same SVG', async () => {
    const svg = '<svg onload="alert(1)"><text>#1 50% ünï</text></svg>';
    const url = svgDataUrl(svg);
    expect(url).not.toMatch(/[<>"#]/);
    // Node's fetch reads data: URLs the way a browser's <img> does, so it is the oracle for the encoding.
    const res = await fetch(url);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await res.text()).toBe(svg);
  });
});
