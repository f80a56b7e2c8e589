import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../create-core';
import type { Logger, SecretStore } from '../ports';
import { memorySecretStore } from '../testing/test-core';
import { UNUSABLE_SECRET_MESSAGE } from './secret-health';

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

const warnings: string[] = [];
const logger: Logger = { info() {}, warn: (m) => void warnings.push(m), error() {} };

async function open(dataDir: string, secretStore: SecretStore) {
  const core = await createCore({ dataDir, secretStore, logger }, { receiverPort: 0 });
  cleanup.push(() => core.close());
  const call = async (method: string, input: unknown) => {
    const result = await core.dispatch(method, input, { transport: 'internal' });
    if (!result.ok) throw new Error(result.error.message);
    return result.value as never;
  };
  return { core, call };
}

interface SourceOut {
  id: string;
  settings: Array<{ environment: string; endpointToken: string; secrets: Array<{ unusable?: boolean }>; vars: Array<{ name: string; unusable?: boolean }> }>;
}

describe('secrets sealed with a key that is gone', () => {
  it('starts, marks them unusable, answers 401 with a diagnosis and logs the request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inlet-unusable-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const first = await open(dir, memorySecretStore());
    const created: SourceOut = await first.call('sources.create', { key: 'shop' });
    await first.call('sources.update', {
      id: created.id,
      settings: { development: { verification: { scheme: 'shared_secret', header: 'x-token' }, enforceVerification: true } },
    });
    await first.call('sources.addSecret', { id: created.id, environment: 'development', secret: 'tok_0123456789abcdef' });
    await first.call('sources.setVar', { id: created.id, environment: 'development', name: 'API_KEY', value: 'k-123', secret: true });
    await first.core.close();

    // Another key, as after `secret.key` was deleted or the data dir was copied to another machine.
    warnings.length = 0;
    const second = await open(dir, memorySecretStore());
    expect(second.core.unusableSecrets).toBe(2);
    expect(warnings.join('\n')).toMatch(/2 saved secrets can't be decrypted on this machine.*"API_KEY"/);

    const [listed] = (await second.call('sources.list', {})) as SourceOut[];
    const dev = listed!.settings.find((s) => s.environment === 'development')!;
    expect(dev.secrets).toEqual([expect.objectContaining({ unusable: true })]);
    expect(dev.vars).toEqual([expect.objectContaining({ name: 'API_KEY', unusable: true })]);

    const url = `${second.core.receiverUrl}/in/${dev.endpointToken}`;
    const res = await fetch(url, { method: 'POST', headers: { 'x-token': 'tok_0123456789abcdef' }, body: '{}' });
    expect(res.status).toBe(401);
    const { event_id: eventId } = (await res.json()) as { event_id: number };
    const event = (await second.call('events.get', { id: eventId })) as { verificationResult: { diagnosis?: { code: string; message: string } } };
    expect(event.verificationResult.diagnosis).toMatchObject({ code: 'secret_unusable', message: UNUSABLE_SECRET_MESSAGE });

    // Entering the secret again is the way out.
    await second.call('sources.addSecret', { id: created.id, environment: 'development', secret: 'tok_0123456789abcdef' });
    const again = await fetch(url, { method: 'POST', headers: { 'x-token': 'tok_0123456789abcdef' }, body: '{}' });
    expect(again.status).toBe(200);
  });
});
