import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../testing/test-core';
import { startTestApp, type TestApp } from './test-app';

const ENV = 'development';
const SLACK_SECRET = 'slack_signing_secret_0123456789abcdef';
let t: TestCore | undefined;
let app: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  await app?.stop();
  t = app = undefined;
});

async function slackSource() {
  const source = await t!.call('sources.connect', { templateId: 'slack', key: 'slack', mappingIds: [], secrets: { [ENV]: SLACK_SECRET } });
  const token = source.settings.find((s) => s.environment === ENV)!.endpointToken;
  return { id: source.id, url: `${t!.core.receiverUrl}/in/${token}` };
}

/** A slash command as Slack sends it: a signed form post (Verifying requests from Slack). */
function slashCommand(url: string) {
  const body = new URLSearchParams({ command: '/weather', text: 'Paris', user_id: 'U061F7AUR', response_url: 'https://hooks.slack.com/commands/1' }).toString();
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', SLACK_SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': signature },
    body,
  });
}

describe('passthrough: the sender gets the app\'s answer', () => {
  it('answers a Slack slash command with the body the app returned', async () => {
    t = await startTestCore();
    app = await startTestApp((req, res) => {
      const form = new URLSearchParams(req.body.toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ response_type: 'in_channel', text: `Sunny in ${form.get('text')}` }));
    });
    const source = await slackSource();
    await t.call('destinations.create', { sourceId: source.id, environment: ENV, url: app.url('/slack/commands') });
    await t.call('responses.set', { sourceId: source.id, environment: ENV, mode: 'passthrough', passthroughTimeoutMs: 3_000 });

    const res = await slashCommand(source.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ response_type: 'in_channel', text: 'Sunny in Paris' });
    // Committed before the answer: the app saw it with the id of the logged event.
    const eventId = Number(app.received[0]!.headers['x-inlet-event-id']);
    expect((await t.call('events.get', { id: eventId })).verification).toBe('verified');
  });

  it('sends the fallback when the app is down, and logs the answer given', async () => {
    t = await startTestCore();
    app = await startTestApp();
    await app.stop();
    const source = await slackSource();
    await t.call('destinations.create', { sourceId: source.id, environment: ENV, url: app.url('/slack/commands') });
    const fallback = { status: 200, body: 'The app is restarting, try again in a moment', headers: { 'content-type': 'text/plain' } };
    await t.call('responses.set', { sourceId: source.id, environment: ENV, mode: 'passthrough', fallback });

    const res = await slashCommand(source.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(fallback.body);
    const [event] = (await t.call('events.list', { limit: 1 })).items;
    expect((await t.call('deliveries.list', { eventId: event!.id }))[0]).toMatchObject({ status: 'held', lastError: 'connection refused' });
  });
});

describe('responses you choose', () => {
  it('answers with a fixed status, body and headers', async () => {
    t = await startTestCore();
    const source = await t.source('custom');
    const { id } = await t.call('sources.get', { id: source.id });
    await t.call('responses.set', { sourceId: id, environment: ENV, mode: 'fixed', answer: { status: 202, body: 'queued', headers: { 'x-app': 'mine' } } });
    const res = await fetch(source.url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect({ status: res.status, body: await res.text(), header: res.headers.get('x-app') }).toEqual({ status: 202, body: 'queued', header: 'mine' });
  });

  it('fails at the chosen rate, and the log says the request was answered 503 on purpose', async () => {
    t = await startTestCore();
    const source = await t.source('custom');
    const { id } = await t.call('sources.get', { id: source.id });
    await t.call('responses.set', { sourceId: id, environment: ENV, failureRate: 1 });
    const res = await fetch(source.url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(503);
    const { event_id: eventId } = (await res.json()) as { event_id: number };
    expect(await t.call('events.get', { id: eventId })).toMatchObject({ responseStatus: 503, error: expect.stringContaining('simulated failure') });
  });

  it('back to default: Inlet answers as usual again', async () => {
    t = await startTestCore();
    const source = await t.source('custom');
    const { id } = await t.call('sources.get', { id: source.id });
    await t.call('responses.set', { sourceId: id, environment: ENV, failureRate: 1 });
    await t.call('responses.set', { sourceId: id, environment: ENV, failureRate: 0, mode: 'default' });
    const res = await fetch(source.url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
  });
});
