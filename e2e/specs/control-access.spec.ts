import { expect, test } from '../fixtures/inlet.fixture';

test('the UI without its token explains where to find the right URL', async ({ page, host }, testInfo) => {
  await page.goto(host.controlUrl);
  await expect(page.getByTestId('token-screen')).toContainText('npm run serve');
  await testInfo.attach('final', { body: await page.screenshot({ path: testInfo.outputPath('final.png') }), contentType: 'image/png' });
});

test('a stale token is rejected with the same advice', async ({ page, host }) => {
  await page.goto(`${host.controlUrl}/#token=not-the-token-of-this-run`);
  await expect(page.getByTestId('token-screen')).toContainText('no longer valid');
});

test('the API refuses a call from a foreign origin even with the token', async ({ host }) => {
  const res = await fetch(`${host.controlUrl}/api/app.info`, {
    method: 'POST',
    headers: { authorization: `Bearer ${host.token}`, origin: 'http://evil.example', 'content-type': 'application/json' },
    body: '{}',
  });
  expect(res.status).toBe(403);
});
