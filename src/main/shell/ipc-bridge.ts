import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNEL } from '../../preload/channels';
import { fail, type ApiResult } from '../../shared/api/result';
import type { Core } from '../core/create-core';
import type { Logger } from '../core/ports';
import { checkSender, type SenderFrameLike } from './sender-check';
import type { UrlPolicy } from './url-policy';

type InvokeEventLike = { readonly senderFrame: SenderFrameLike | null };

/**
 * The handler behind `inlet:invoke`, separate from `ipcMain` so the sender check is unit-tested.
 * It always resolves to an `ApiResult`: a rejected invoke would surface in the renderer as an
 * Electron-formatted error string instead of the contract's error shape.
 */
export function createInvokeHandler(
  dispatch: Core['dispatch'],
  policy: UrlPolicy,
  logger: Logger,
): (event: InvokeEventLike, method: unknown, input: unknown) => Promise<ApiResult<unknown>> {
  return async (event, method, input) => {
    const verdict = checkSender(event.senderFrame, policy);
    if (!verdict.ok) {
      logger.warn('IPC call refused', { method: String(method), reason: verdict.reason });
      return fail('forbidden', verdict.reason);
    }
    return dispatch(method, input, { transport: 'ipc' });
  };
}

/** Registers the bridge; returns a function that removes it (for a clean quit). */
export function registerIpcBridge(ipcMain: IpcMain, core: Pick<Core, 'dispatch'>, policy: UrlPolicy, logger: Logger): () => void {
  const handler = createInvokeHandler(core.dispatch.bind(core), policy, logger);
  ipcMain.handle(INVOKE_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, input: unknown) => handler(event, method, input));
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}
