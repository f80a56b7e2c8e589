import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiInput, ApiMethod, ApiOutput } from '../../../shared/api/contract';
import { ApiCallError } from '../../../shared/api/result';
import { createCore, type Core, type CoreOptions } from '../create-core';
import type { Clock, Logger, Notifier, SecretStore } from '../ports';

/** AES-GCM under a key that lives only as long as the test. */
export function memorySecretStore(): SecretStore {
  const key = randomBytes(32);
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), data]);
    },
    open(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

export interface TestCore {
  core: Core;
  dir: string;
  /** A typed call that throws `ApiCallError` on failure, like the renderer's client. */
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
  /** Creates a source and returns it with its URL in `environment`. */
  source(key: string, environment?: string): Promise<{ id: string; url: string }>;
  close(): Promise<void>;
}

export async function startTestCore(options: CoreOptions & { clock?: Clock; notifier?: Notifier; logger?: Logger; dir?: string } = {}): Promise<TestCore> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'inlet-test-'));
  const core = await createCore(
    {
      dataDir: dir,
      secretStore: memorySecretStore(),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.notifier ? { notifier: options.notifier } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    },
    { receiverPort: 0, ...options },
  );
  const call = async <M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> => {
    const result = await core.dispatch(method, input, { transport: 'internal' });
    if (!result.ok) throw new ApiCallError(result.error);
    return result.value as ApiOutput<M>;
  };
  return {
    core,
    dir,
    call,
    async source(key, environment = 'development') {
      const created = await call('sources.create', { key });
      const settings = created.settings.find((s) => s.environment === environment)!;
      return { id: created.id, url: `${core.receiverUrl}/in/${settings.endpointToken}` };
    },
    async close() {
      await core.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
