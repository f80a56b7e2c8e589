import http from 'node:http';
import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { startLtServer, type LtServer } from '../../src/main/core/tunnel/testing/lt-server';
import { callApi } from '../fixtures/control-api';
import { expect, test } from '../fixtures/inlet.fixture';
import { AppPage } from '../pages/app.page';
import { SettingsPage } from '../pages/settings.page';
import { TunnelControl } from '../pages/tunnel.page';

const stripe = new Stripe('sk_test_e2e_not_a_real_key');
const SECRET = `whsec_tunnel_${randomBytes(12).toString('hex')}`;

/** The internet's view: a request to the tunnel server that names the public host. */
function sendThroughTunnel(lt: LtServer, publicUrl: string, headers: Record<string, string>, body: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const { host, pathname } = new URL(publicUrl);
    const req = http.request({ host: '127.0.0.1', port: lt.port, method: 'POST', path: pathname, agent: false, headers: { ...headers, host } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let lt: LtServer;
test.beforeEach(async () => {
  lt = await startLtServer();
});
test.afterEach(async () => {
  await lt?.stop();
});

test('the tunnel started from the UI carries a Stripe-signed event to the log, and reconnects by itself', async ({ page, host }, testInfo) => {
  test.setTimeout(90_000);
  const source = await callApi(host, 'sources.create', { key: 'stripe', name: 'Stripe' });
  const preset = (await callApi(host, 'verification.presets', {})).find((p) => p.id === 'stripe');
  if (!preset) throw new Error('the core offers no Stripe preset');
  await callApi(host, 'sources.update', { id: source.id, settings: { development: { verification: preset.config } } });
  await callApi(host, 'sources.addSecret', { id: source.id, environment: 'development', secret: SECRET });
  const token = source.settings.find((s) => s.environment === 'development')!.endpointToken;

  const app = new AppPage(page);
  await app.open(host.uiUrl);
  const tunnel = new TunnelControl(page);
  await tunnel.expectState('stopped');

  // A self-hosted server without wildcard DNS: the server URL, plus where to connect.
  await page.getByTestId('nav-settings').click();
  await new SettingsPage(page).setTunnelServer(lt.url, `127.0.0.1:${lt.port}`);
  await testInfo.attach('settings', { body: await page.screenshot({ path: testInfo.outputPath('settings-light.png'), fullPage: true }), contentType: 'image/png' });

  // One click in the frame; the control goes up and shows the public URL.
  await tunnel.start();
  await tunnel.expectState('up', 20_000);
  const publicUrl = await tunnel.publicUrl();
  expect(publicUrl).toMatch(/^http:\/\/[a-z0-9-]+\.lt\.test$/);
  await expect(page.getByTestId('tunnel-label')).toHaveText(new URL(publicUrl).host);
  await testInfo.attach('tunnel-up', { body: await page.screenshot({ path: testInfo.outputPath('tunnel-up.png') }), contentType: 'image/png' });

  // Stripe delivers to the public URL; the event lands in the log, verified.
  const log = await app.goToLog();
  const payload = JSON.stringify({ id: `evt_${randomBytes(6).toString('hex')}`, object: 'event', type: 'customer.created', data: { object: { id: 'cus_tunnel' } } });
  const signature = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
  const res = await sendThroughTunnel(lt, `${publicUrl}/in/${token}`, { 'content-type': 'application/json', 'stripe-signature': signature }, payload);
  expect(res.status).toBe(200);
  const row = log.row('customer.created');
  await expect(row.getByTestId('verification-badge')).toHaveAttribute('data-status', 'verified');
  await log.open('customer.created');
  await expect(log.header('stripe-signature').locator('td')).toHaveText(signature);

  // The server goes away: the control says so, with the attempt and a countdown.
  await lt.stop();
  await tunnel.expectState('reconnecting');
  await tunnel.openPanel();
  await expect(page.getByTestId('tunnel-reconnecting')).toContainText(/Attempt \d+/);
  await testInfo.attach('tunnel-reconnecting', { body: await page.screenshot({ path: testInfo.outputPath('tunnel-reconnecting.png') }), contentType: 'image/png' });

  // It comes back: up again by itself, and events flow again.
  await lt.restart();
  await tunnel.expectState('up', 30_000);
  const resign = () => ({ 'content-type': 'application/json', 'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }) });
  expect((await sendThroughTunnel(lt, `${await tunnel.publicUrl()}/in/${token}`, resign(), payload)).status).toBe(200);
  await expect(log.rows).toHaveCount(2);

  // Asking for a subdomain moves the public URL; the banner lists what to re-point, old → new.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('tunnel-subdomain').fill('inlet-e2e');
  await page.getByTestId('save-tunnel-settings').click();
  await page.getByTestId('tunnel-settings-saved').getByRole('button', { name: /Restart the tunnel/ }).click();
  await expect(tunnel.banner).toBeVisible({ timeout: 20_000 });
  const movedUrl = await tunnel.publicUrl();
  expect(movedUrl).toMatch(/^http:\/\/inlet-e2e\.lt\.test$/);
  await expect(tunnel.banner.getByTestId('url-change-source')).toContainText(`${publicUrl}/in/${token} → ${movedUrl}/in/${token}`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.mouse.click(5, 400);
  await testInfo.attach('tunnel-moved-dark', { body: await page.screenshot({ path: testInfo.outputPath('tunnel-moved-dark.png') }), contentType: 'image/png' });
  await tunnel.banner.getByTestId('dismiss-url-change').click();
  await expect(tunnel.banner).toHaveCount(0);

  await tunnel.stop();
  await testInfo.attach('final', { body: await page.screenshot({ path: testInfo.outputPath('final.png') }), contentType: 'image/png' });
});
