import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';
import { ForwardingPage } from '../pages/forwarding.page';
import { LogPage } from '../pages/log.page';

const stripe = new Stripe('sk_test_e2e_not_a_real_key');

/**
 * The developer's app: checks each request with the Stripe SDK's constructEvent and answers 200
 * (400 with the SDK's reason otherwise). `stop` and `start` keep the port, like a dev server restarting.
 */
async function startDeveloperApp(secret: string) {
  const verified: string[] = [];
  let server: Server | null = null;
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const s = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          try {
            const event = stripe.webhooks.constructEvent(Buffer.concat(chunks), String(req.headers['stripe-signature']), secret);
            verified.push(event.type);
            res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ received: event.id }));
          } catch (error) {
            res.writeHead(400).end((error as Error).message);
          }
        });
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        server = s;
        resolve((s.address() as AddressInfo).port);
      });
    });
  const port = await listen(0);
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    verified,
    start: () => listen(port),
    stop: () =>
      new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.closeAllConnections();
        server.close(() => resolve());
        server = null;
      }),
  };
}

test('a destination on a Stripe source: a test event is delivered (200, latency); events sent while the app is down are held, then delivered when it is back', async ({ page, host }, testInfo) => {
  const shot = async (name: string) => testInfo.attach(name, { body: await page.screenshot({ path: testInfo.outputPath(`${name}.png`) }), contentType: 'image/png' });
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  const source = await callApi(host, 'sources.connect', { templateId: 'stripe', key: 'stripe', mappingIds: [], secrets: { development: secret } });
  const receiverUrl = `${host.receiverUrl}/in/${source.settings.find((s) => s.environment === 'development')!.endpointToken}`;
  const devApp = await startDeveloperApp(secret);

  try {
    const app = new AppPage(page);
    await app.open(host.uiUrl);
    await app.goToSources();
    await expect(page.getByTestId('source-detail')).toHaveAttribute('data-source-key', 'stripe');

    // The developer adds their local app as a destination and checks it with one click.
    const forwarding = await ForwardingPage.open(page);
    const destination = await forwarding.addDestination(devApp.url);
    await destination.getByTestId('test-destination').click();
    await expect(destination.getByTestId('destination-test-status')).toHaveText('200');
    await expect(destination.getByTestId('destination-test-result')).toContainText(/in \d+ ms/);
    expect(devApp.verified).toEqual(['customer.created']);
    await shot('destination-added');

    // A test event from the source header goes through Inlet to the app: delivered, 200, with its latency.
    await page.getByTestId('send-test-button').click();
    await page.getByTestId('send-sample-customer-created').click();
    await expect(page.getByTestId('send-status')).toHaveText('200');
    await page.getByTestId('send-open-event').click();
    const log = new LogPage(page);
    const delivery = log.detail.getByTestId('delivery');
    await expect(delivery).toHaveAttribute('data-status', 'delivered');
    await expect(delivery.getByTestId('delivery-status-code')).toHaveText('200');
    await expect(delivery.getByTestId('delivery-latency')).toHaveText(/^\d+ ms$/);
    await expect(log.row('customer.created').getByTestId('delivery-state')).toHaveAttribute('data-status', 'delivered');
    expect(devApp.verified).toEqual(['customer.created', 'customer.created']);
    await shot('test-event-delivered');

    // The app goes down; Stripe sends three events meanwhile: Inlet accepts them and holds them.
    await devApp.stop();
    const types = ['invoice.created', 'invoice.paid', 'customer.updated'];
    for (const type of types) {
      const payload = JSON.stringify({ id: `evt_${randomBytes(6).toString('hex')}`, object: 'event', type, created: Math.floor(Date.now() / 1000), data: { object: { id: 'cus_e2e' } } });
      const signature = stripe.webhooks.generateTestHeaderString({ payload, secret });
      const res = await fetch(receiverUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
      expect(res.status).toBe(200);
    }
    for (const type of types) await expect(log.row(type).getByTestId('delivery-state')).toHaveAttribute('data-status', 'held');
    const badge = page.getByTestId('forwarding-badge');
    await expect(badge).toContainText('3 held');
    await badge.click();
    await expect(forwarding.root).toBeVisible();
    await expect(destination.getByTestId('destination-held')).toHaveText('3 held');
    await expect(destination.getByTestId('health-dot')).toHaveAttribute('data-state', 'holding');
    await shot('events-held');

    // The app comes back on the same port: Inlet notices, and the three go out (up to 4 at once: not ordered).
    await devApp.start();
    await expect(destination.getByTestId('destination-delivered')).toHaveText('4 delivered', { timeout: 15_000 });
    await expect(destination.getByTestId('destination-held')).toHaveText('0 held');
    await expect(badge).toBeHidden();
    expect(devApp.verified.slice(0, 2)).toEqual(['customer.created', 'customer.created']);
    expect(devApp.verified.slice(2).sort()).toEqual([...types].sort());
    await page.getByTestId('nav-log').click();
    for (const type of types) await expect(log.row(type).getByTestId('delivery-state')).toHaveAttribute('data-status', 'delivered');
    await page.getByTestId('filter-delivery').selectOption('held');
    await expect(page.getByTestId('event-row')).toHaveCount(0);
    await page.getByTestId('filter-delivery').selectOption('delivered');
    await expect(page.getByTestId('event-row')).toHaveCount(4);
    await shot('held-events-delivered');
  } finally {
    await devApp.stop();
  }
});
