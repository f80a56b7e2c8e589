import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Template } from '../../../shared/domain/template';
import { startTestCore, type TestCore } from '../testing/test-core';
import { templates } from '../templates/index';
import { TEST_KEY_LABEL } from './send-test';
import { testSecretFor } from '../templates/testing/template-secrets';

let t: TestCore;
beforeAll(async () => {
  t = await startTestCore();
});
afterAll(() => t.close());

const ENV = 'development';

async function connect(template: Template, key: string, withSecret = true) {
  return t.call('sources.connect', {
    templateId: template.id,
    key,
    mappingIds: [],
    secrets: withSecret ? { [ENV]: testSecretFor(template) } : {},
  });
}

describe.each(templates.map((tpl) => [tpl.id, tpl] as const))('send test event: %s', (id, template) => {
  it('delivers every sample signed, accepted, with the event type the sample names', async () => {
    const source = await connect(template, `all-${id}`);
    for (const sample of template.samples) {
      const { status, event } = await t.call('events.sendTest', { sourceId: source.id, environment: ENV, sample: { sampleId: sample.id } });
      expect({ sample: sample.id, status, eventType: event.eventType }).toEqual({ sample: sample.id, status: 200, eventType: sample.eventType });
      expect(event.verification, sample.id).toBe(template.verification.scheme === 'none' && !template.secretVar ? 'unverified' : 'verified');
      expect(event.processing, sample.id).toBe('done');
      expect(event.origin, sample.id).toBe('test');
    }
  });
});

describe('send test event', () => {
  const byId = (id: string) => templates.find((x) => x.id === id)!;

  it('renews delivery ids, so sending the same sample twice is not a duplicate', async () => {
    // Supabase's database webhooks carry no delivery id: Knock's template has no idempotency path.
    for (const id of ['stripe', 'clerk', 'github', 'shopify', 'linear']) {
      const source = await connect(byId(id), `twice-${id}`);
      const sampleId = byId(id).samples[0]!.id;
      const first = await t.call('events.sendTest', { sourceId: source.id, environment: ENV, sample: { sampleId } });
      const second = await t.call('events.sendTest', { sourceId: source.id, environment: ENV, sample: { sampleId } });
      expect(second.event.idempotencyKey, id).not.toBe(first.event.idempotencyKey);
      expect(second.event.processing, id).toBe('done');
    }
  });

  it('re-signs a logged event with a fresh signature', async () => {
    const source = await connect(byId('stripe'), 'resend-logged');
    const { event } = await t.call('events.sendTest', { sourceId: source.id, environment: ENV, sample: { sampleId: 'invoice-paid' } });
    const again = await t.call('events.sendTest', { sourceId: source.id, environment: ENV, sample: { eventId: event.id } });
    expect(again).toMatchObject({ status: 200, event: { verification: 'verified', eventType: 'invoice.paid', processing: 'done' } });
    expect(again.event.idempotencyKey).not.toBe(event.idempotencyKey);
  });

  it('asks for the signing secret first when the environment has none', async () => {
    const source = await connect(byId('stripe'), 'no-secret', false);
    await expect(t.call('events.sendTest', { sourceId: source.id, environment: ENV, sample: { sampleId: 'invoice-paid' } })).rejects.toThrow(/add the signing secret first/i);
  });

  it('names the samples there are when the sample id is unknown', async () => {
    const source = await connect(byId('clerk'), 'unknown-sample');
    await expect(t.call('events.sendTest', { sourceId: source.id, environment: ENV, sample: { sampleId: 'user-exploded' } })).rejects.toThrow(/no sample "user-exploded".*user-created/);
  });

  it('adds the SendGrid test key once and reuses it', async () => {
    const source = await connect(byId('sendgrid'), 'sendgrid-key');
    for (let i = 0; i < 2; i++) await t.call('events.sendTest', { sourceId: source.id, environment: ENV, sample: { sampleId: 'bounce' } });
    const settings = (await t.call('sources.get', { id: source.id })).settings.find((s) => s.environment === ENV)!;
    expect(settings.secrets.filter((s) => s.label === TEST_KEY_LABEL)).toHaveLength(1);
    expect(settings.vars.find((v) => v.name === 'INLET_TEST_SIGNING_KEY')).toMatchObject({ secret: true, value: null });
  });

  it('sends an optional-secret template unsigned when no secret was given', async () => {
    const source = await connect(byId('posthog-knock'), 'posthog-open', false);
    const { status, event } = await t.call('events.sendTest', { sourceId: source.id, environment: ENV, sample: { sampleId: 'identify' } });
    expect(status).toBe(200);
    expect(event.verification).toBe('unverified');
  });
});
