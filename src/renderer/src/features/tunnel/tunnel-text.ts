import type { TunnelStatus } from '../../../../shared/domain/settings';

/** The host part of a URL, which is what people recognise a tunnel by. */
export const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** A short label for the frame control. */
export function tunnelLabel(status: TunnelStatus, now: number): string {
  switch (status.state) {
    case 'stopped':
      return 'Tunnel off';
    case 'starting':
      return 'Starting tunnel…';
    case 'up':
      return hostOf(status.url);
    case 'reconnecting':
      return `Reconnecting · ${secondsUntil(status.nextTryAt, now)}`;
    case 'error':
      return 'Tunnel error';
  }
}

export const secondsUntil = (at: number, now: number): string => {
  const s = Math.max(0, Math.ceil((at - now) / 1000));
  return s === 0 ? 'now' : `${s} s`;
};
