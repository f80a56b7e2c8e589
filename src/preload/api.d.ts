import type { Transport } from '../shared/api/transport';

declare global {
  interface Window {
    /** Present in the Electron window (set by the preload); absent in a browser, which uses HTTP. */
    readonly inlet?: Transport;
  }
}

export {};
