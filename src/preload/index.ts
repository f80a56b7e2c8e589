import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { PushMessage } from '../shared/api/events';
import type { ApiResult } from '../shared/api/result';
import type { Transport } from '../shared/api/transport';
import { INVOKE_CHANNEL, PUSH_CHANNEL } from './channels';

// A sandboxed preload can require nothing but 'electron': everything else here is types or inlined.

const inlet: Transport = {
  invoke: (method: string, input: unknown): Promise<ApiResult<unknown>> =>
    ipcRenderer.invoke(INVOKE_CHANNEL, method, input) as Promise<ApiResult<unknown>>,
  subscribe(listener: (message: PushMessage) => void): () => void {
    // The IPC event (and its `sender`) stays here; the page only ever sees the message.
    const onPush = (_event: IpcRendererEvent, message: PushMessage): void => listener(message);
    ipcRenderer.on(PUSH_CHANNEL, onPush);
    return () => {
      ipcRenderer.removeListener(PUSH_CHANNEL, onPush);
    };
  },
};

contextBridge.exposeInMainWorld('inlet', inlet);
