/** What other features may use from the tunnel. */
export { usePublicUrl, useTunnelState } from './use-public-url';
export { publicBaseUrl, publicEndpointUrl } from './public-url';
export { TunnelControl } from './TunnelControl';
export { TunnelBanner } from './TunnelBanner';
