import type { TunnelStatus } from '../../../../shared/domain/settings';
import { endpointUrl } from '../../lib/format';

/** The tunnel's public base URL while it is up, else null. */
export const publicBaseUrl = (status: TunnelStatus): string | null => (status.state === 'up' ? status.url : null);

/** A source endpoint's public URL (`…/in/<token>`) while the tunnel is up, else null. */
export const publicEndpointUrl = (status: TunnelStatus, endpointToken: string): string | null => {
  const base = publicBaseUrl(status);
  return base === null ? null : endpointUrl(base, endpointToken);
};
