import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInletDataDirs } from './testing/cli-test-setup';
import { runInlet } from './testing/run-inlet';

const WHSEC = `whsec_${Buffer.from('inlet-cli-bundle-workspace-0123456789').toString('base64')}`;
const EMAIL = 'grace.hopper@navy-demo.io';
const dataDir = builtInletDataDirs('inlet-cli-bundle-ws-');

describe('inlet bundle --workspace', () => {
  it('carries the customer Stripe identified to another data dir, redacted, and says what the import added', async () => {
    const from = dataDir();
    expect((await runInlet(from, ['sources', 'connect', 'stripe', '--secret', WHSEC])).code).toBe(0);
    expect((await runInlet(from, ['send', 'stripe', 'customer.created', '--set', `data.object.email=${EMAIL}`])).code).toBe(0);
    const file = join(from, 'demo.inlet.json');
    const exported = await runInlet(from, ['bundle', 'export', '--workspace', '--redact', '-o', file]);
    expect(exported.stderr).toBe('');
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(EMAIL);
    const bundle = JSON.parse(text) as { workspace: Array<{ environment: string; users: Array<{ email: string | null }> }> };
    expect(bundle.workspace.find((w) => w.environment === 'development')?.users).toEqual([expect.objectContaining({ email: expect.stringContaining('@') })]);

    const to = dataDir();
    const imported = await runInlet(to, ['bundle', 'import', file]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('Workspace of development: added 1 user(s), 0 object(s), 0 tenant(s), 0 subscription(s), 0 audience member(s); replaced 0, kept 0 already here');
  }, 120_000);
});
