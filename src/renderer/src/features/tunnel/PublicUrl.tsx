import { CopyButton } from '../../components/CopyButton';
import { usePublicUrl, useTunnelState } from './use-public-url';
import './tunnel.css';

/** One endpoint's public URL with a copy button, or why there is none (for Sources pages). */
export function PublicUrl({ endpointToken, testId }: { endpointToken: string; testId?: string }) {
  const url = usePublicUrl(endpointToken);
  const state = useTunnelState();
  if (url === null) {
    return (
      <span className="muted public-url public-url--none" data-testid={testId} data-state={state}>
        {state === 'reconnecting' || state === 'starting' ? 'Tunnel connecting…' : 'Start the tunnel for a public URL'}
      </span>
    );
  }
  return (
    <span className="public-url" data-testid={testId} data-state={state}>
      <code className="public-url__text">{url}</code>
      <CopyButton text={url} />
    </span>
  );
}
