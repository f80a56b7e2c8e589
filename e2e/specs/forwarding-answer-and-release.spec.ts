import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';
import { ForwardingPage } from '../pages/forwarding.page';

const stripe = new Stripe('sk_test_e2e_not_a_real_key');

interface Arrival {
  id: string;
  type: string;
  at: number;
}

/**
 * The developer's app on loopback port 0: records each event it gets (Stripe's SDK checks the
 * signature) with its arrival time, and answers `answer`. `stop` closes it, like a dev server stopping.
 */
async function startApp(secret: string, answer = { status: 200, body: '{"ok":true}', headers: { 'content-type': 'application/json' } as Record<string, string> }) {
  const arrivals: Arrival[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const event = stripe.webhooks.constructEvent(Buffer.concat(chunks), String(req.headers['stripe-signature']), secret);
        arrivals.push({ id: event.id, type: event.type, at: performance.now() });
        res.writeHead(answer.status, answer.headers).end(answer.body);
      } catch (error) {
        res.writeHead(400).end((error as Error).message);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`,
    arrivals,
    stop: () =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A Stripe source whose events a real sender posts, signed by Stripe's SDK. */
async function stripeSource(host: Parameters<typeof callApi>[0]) {
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  const source = await callApi(host, 'sources.connect', { templateId: 'stripe', key: 'stripe', mappingIds: [], secrets: { development: secret } });
  const receiverUrl = `${host.receiverUrl}/in/${source.settings.find((s) => s.environment === 'development')!.endpointToken}`;
  const send = async (type: string, id = `evt_${randomBytes(6).toString('hex')}`) => {
    const payload = JSON.stringify({ id, object: 'event', type, created: Math.floor(Date.now() / 1000), data: { object: { id: 'cus_e2e' } } });
    const started = performance.now();
    const res = await fetch(receiverUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload, secret }) }, body: payload });
    return { status: res.status, headers: res.headers, body: await res.text(), ms: performance.now() - started };
  };
  return { source, secret, send };
}

async function openForwarding(page: import('@playwright/test').Page, uiUrl: string): Promise<ForwardingPage> {
  const app = new AppPage(page);
  await app.open(uiUrl);
  await app.goToSources();
  await expect(page.getByTestId('source-detail')).toHaveAttribute('data-source-key', 'stripe');
  return ForwardingPage.open(page);
}

test('the receiver answers what the form sets: a fixed, delayed answer; then the app’s own answer (passthrough), and the fallback when the app is down', async ({ page, host }, testInfo) => {
  test.setTimeout(120_000);
  const { secret, send } = await stripeSource(host);
  const devApp = await startApp(secret, { status: 201, body: '{"text":"hello from the app"}', headers: { 'content-type': 'application/json', 'x-app': 'yes' } });
  try {
    const forwarding = await openForwarding(page, host.uiUrl);

    // A fixed answer with its own status, header and body, 400 ms late.
    await forwarding.setFixedAnswer({ status: '202', headers: 'content-type: application/json\nx-inlet-answer: fixed', body: '{"queued":true}', delayMs: '400' });
    await testInfo.attach('fixed-answer', { body: await page.screenshot({ path: testInfo.outputPath('fixed-answer.png') }), contentType: 'image/png' });
    const fixed = await send('customer.created');
    expect({ status: fixed.status, body: fixed.body, header: fixed.headers.get('x-inlet-answer') }).toEqual({ status: 202, body: '{"queued":true}', header: 'fixed' });
    expect(fixed.ms).toBeGreaterThanOrEqual(350);

    // Passthrough: the sender gets the app's answer (through the destination), with a fallback.
    // Without a destination there is nothing to pass through, and the form says so.
    await forwarding.root.getByTestId('response-mode-passthrough').check();
    await expect(forwarding.root.getByTestId('passthrough-no-destination')).toBeVisible();
    await forwarding.addDestination(devApp.url);
    await expect(forwarding.root.getByTestId('passthrough-no-destination')).toBeHidden();
    await forwarding.setPassthrough({ waitSeconds: '5', fallbackStatus: '503', fallbackBody: '{"error":"app unavailable"}', delayMs: '0' });
    const passed = await send('invoice.paid');
    expect({ status: passed.status, body: passed.body, header: passed.headers.get('x-app') }).toEqual({ status: 201, body: '{"text":"hello from the app"}', header: 'yes' });
    expect(devApp.arrivals.map((a) => a.type)).toEqual(['invoice.paid']);

    await devApp.stop();
    const fallback = await send('invoice.created');
    expect({ status: fallback.status, body: fallback.body }).toEqual({ status: 503, body: '{"error":"app unavailable"}' });
  } finally {
    await devApp.stop();
  }
});

test('an edited destination (URL, event types, timeout) gets the next matching event; the old URL and other types get nothing', async ({ page, host }) => {
  test.setTimeout(120_000);
  const { secret, send } = await stripeSource(host);
  const first = await startApp(secret);
  const second = await startApp(secret);
  try {
    const forwarding = await openForwarding(page, host.uiUrl);
    const destination = await forwarding.addDestination(first.url);
    await send('invoice.paid', 'evt_before_edit');
    await expect.poll(() => first.arrivals.map((a) => a.id)).toEqual(['evt_before_edit']);

    await forwarding.editDestination(destination, { url: second.url, eventTypes: 'invoice.*', timeoutSeconds: '5' });
    const edited = forwarding.destinations.filter({ hasText: second.url });
    await expect(edited).toContainText('invoice.*');
    await expect(edited).toContainText('timeout 5 s');
    await expect(forwarding.destinations).toHaveCount(1);

    const skipped = await send('customer.created', 'evt_not_matching');
    await send('invoice.paid', 'evt_after_edit');
    await expect.poll(() => second.arrivals.map((a) => a.id)).toEqual(['evt_after_edit']);
    await expect(edited.getByTestId('destination-delivered')).toHaveText('2 delivered');
    expect(first.arrivals.map((a) => a.id)).toEqual(['evt_before_edit']);
    const eventId = (JSON.parse(skipped.body) as { event_id: number }).event_id;
    expect(await callApi(host, 'deliveries.list', { eventId })).toEqual([]);
    expect((await callApi(host, 'destinations.list', {}))[0]).toMatchObject({ url: second.url, eventTypes: ['invoice.*'], timeoutMs: 5000 });
  } finally {
    await first.stop();
    await second.stop();
  }
});

test('a paused destination holds events; released at 1 per second they arrive in order, spread over seconds', async ({ page, host }, testInfo) => {
  test.setTimeout(120_000);
  const { secret, send } = await stripeSource(host);
  const devApp = await startApp(secret);
  try {
    const forwarding = await openForwarding(page, host.uiUrl);
    const destination = await forwarding.addDestination(devApp.url);
    await destination.getByTestId('pause-destination').click();
    await expect(destination.getByTestId('resume-destination')).toHaveText('Resume');

    const ids = ['evt_held_1', 'evt_held_2', 'evt_held_3', 'evt_held_4'];
    for (const id of ids) expect((await send('invoice.paid', id)).status).toBe(200);
    await expect(destination.getByTestId('destination-held')).toHaveText('4 held');
    expect(devApp.arrivals).toEqual([]);
    await testInfo.attach('held', { body: await page.screenshot({ path: testInfo.outputPath('held.png') }), contentType: 'image/png' });

    await destination.getByTestId('release-rate').selectOption({ label: '1 per second' });
    await destination.getByTestId('resume-destination').click();
    await expect.poll(() => devApp.arrivals.length, { timeout: 20_000 }).toBe(4);
    expect(devApp.arrivals.map((a) => a.id)).toEqual(ids);
    // Four starts a second apart span about three seconds; all at once would take milliseconds.
    const span = devApp.arrivals.at(-1)!.at - devApp.arrivals[0]!.at;
    expect(span).toBeGreaterThanOrEqual(2_500);
    await expect(destination.getByTestId('destination-delivered')).toHaveText('4 delivered');
    await expect(destination.getByTestId('destination-held')).toHaveText('0 held');
    await expect(destination.getByTestId('pause-destination')).toBeVisible();
  } finally {
    await devApp.stop();
  }
});
