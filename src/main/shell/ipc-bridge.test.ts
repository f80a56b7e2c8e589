import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../shared/api/result';
import { silentLogger } from '../core/ports';
import { createInvokeHandler } from './ipc-bridge';
import { createUrlPolicy } from './url-policy';

const appUrl = 'file:///opt/inlet/out/renderer/index.html';
const policy = createUrlPolicy({ rendererFileUrl: appUrl });

const setup = () => {
  const dispatch = vi.fn(async () => ok({ version: '0.1.0' }));
  return { dispatch, handle: createInvokeHandler(dispatch, policy, silentLogger) };
};

describe('IPC bridge sender check', () => {
  it('dispatches a call from the app page with the ipc transport', async () => {
    const { dispatch, handle } = setup();
    const result = await handle({ senderFrame: { url: `${appUrl}#/sources`, parent: null } }, 'app.info', {});
    expect(result).toEqual({ ok: true, value: { version: '0.1.0' } });
    expect(dispatch).toHaveBeenCalledWith('app.info', {}, { transport: 'ipc' });
  });

  it.each([
    ['a remote page', { url: 'https://evil.example/', parent: null }],
    ['another local file', { url: 'file:///tmp/evil.html', parent: null }],
    ['a subframe of the app', { url: appUrl, parent: {} }],
    ['a destroyed frame', null],
  ])('refuses a call from %s without reaching the core', async (_label, senderFrame) => {
    const { dispatch, handle } = setup();
    const result = await handle({ senderFrame }, 'sources.delete', { id: 'src_1' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('forbidden');
    expect(dispatch).not.toHaveBeenCalled();
  });
});
