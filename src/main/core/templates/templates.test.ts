import { describe, expect, it } from 'vitest';
import { MappingInputSchema } from '../../../shared/domain/mapping';
import { TemplateSchema } from '../../../shared/domain/template';
import { parseExpr } from '../../../shared/expr/parse';
import { getTemplate, mappedEventTypes, samplesFor, summarize, templates } from './index';

const SIGNATURE_HEADERS = /signature|hmac|^svix-|^webhook-(id|timestamp|signature)$|^x-zm-request-timestamp$|^x-slack-request-timestamp$|^x-webhook-secret$/;

describe('the template registry', () => {
  it('holds the 25 templates, with unique ids', () => {
    expect(templates).toHaveLength(25);
    expect(new Set(templates.map((t) => t.id)).size).toBe(25);
  });

  it('finds a template by id and nothing for an unknown one', () => {
    expect(getTemplate('stripe')?.name).toBe('Stripe');
    expect(getTemplate('nope')).toBeUndefined();
  });

  it('summarises a template with the event types it maps', () => {
    expect(summarize(getTemplate('stripe')!).eventTypes).toEqual(expect.arrayContaining(['customer.created', 'invoice.paid']));
  });
});

describe.each(templates.map((t) => [t.id, t] as const))('template %s', (_id, template) => {
  it('validates against TemplateSchema', () => {
    expect(TemplateSchema.safeParse(template).error).toBeUndefined();
  });

  it('has default mappings that pass MappingInputSchema, with unique ids', () => {
    for (const m of template.defaultMappings) {
      const parsed = MappingInputSchema.safeParse({ ...m, sourceId: 'src_test', activeIn: ['development'], position: 0 });
      expect(parsed.error, m.id).toBeUndefined();
    }
    expect(new Set(template.defaultMappings.map((m) => m.id)).size).toBe(template.defaultMappings.length);
  });

  it('has a sample for every mapped event type', () => {
    for (const type of mappedEventTypes(template)) expect(samplesFor(template, type), type).not.toHaveLength(0);
  });

  it('has unique sample ids and no signature headers in its samples', () => {
    expect(new Set(template.samples.map((s) => s.id)).size).toBe(template.samples.length);
    for (const s of template.samples) expect(Object.keys(s.headers).filter((h) => SIGNATURE_HEADERS.test(h)), s.id).toEqual([]);
  });

  it('suggests every workflow its triggers name', () => {
    const keys = template.workflows.map((w) => w.key);
    for (const m of template.defaultMappings.filter((x) => x.actionType === 'workflows_trigger')) {
      const key = parseExpr(m.params.key ?? '');
      expect(key.ok && key.ast.type === 'literal' ? key.ast.value : null, m.id).toSatisfy((k: unknown) => typeof k === 'string' && keys.includes(k));
    }
  });

  it('has a small SVG logo and at least two default mappings (or Knock\'s shipped set)', () => {
    expect(template.branding.logoSvg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(template.branding.logoSvg.length).toBeLessThan(2000);
    expect(template.defaultMappings.length).toBeGreaterThanOrEqual(2);
  });
});
