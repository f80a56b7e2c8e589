import { useApp } from '../../app/store-context';
import { publicEndpointUrl } from './public-url';

/** The public URL of an endpoint token while the tunnel is up; null otherwise. */
export function usePublicUrl(endpointToken: string): string | null {
  return useApp((s) => publicEndpointUrl(s.tunnel, endpointToken));
}

/** The tunnel's state, for a feature that wants to say why there is no public URL. */
export function useTunnelState() {
  return useApp((s) => s.tunnel.state);
}
