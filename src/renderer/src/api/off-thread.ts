/**
 * Where a worker may call the host's HTTP API itself, so a large answer (an event's 5 MB body) is
 * decoded off the UI thread. Set once the HTTP transport is picked; null inside Electron, where
 * answers arrive over IPC already decoded.
 */
export interface OffThreadTarget {
  /** The absolute URL of an API method. */
  url(method: string): string;
  token: string;
}

let target: OffThreadTarget | null = null;

export function allowOffThreadCalls(next: OffThreadTarget | null): void {
  target = next;
}

export function offThreadTarget(): OffThreadTarget | null {
  return target;
}
