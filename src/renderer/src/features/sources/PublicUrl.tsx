import { CopyButton } from '../../components/CopyButton';
import { usePublicUrl, useTunnelState } from '../tunnel/use-public-url';

const WHY_NOT: Record<string, string> = {
  stopped: 'The tunnel is off. Start it from Settings to get a public URL.',
  starting: 'The tunnel is starting…',
  reconnecting: 'The tunnel is reconnecting…',
  error: 'The tunnel failed; see Settings.',
};

/** The endpoint's public (tunnel) URL with copy, or why there is none right now. */
export function PublicUrl({ endpointToken, environment }: { endpointToken: string; environment: string }) {
  const url = usePublicUrl(endpointToken);
  const state = useTunnelState();
  return (
    <div className="url-row">
      <span className="url-row__kind">Public</span>
      {url ? (
        <>
          <code className="url-row__url" data-testid={`public-url-${environment}`}>{url}</code>
          <CopyButton text={url} label="Copy" testId="copy-public-url" />
        </>
      ) : (
        <span className="url-row__none muted" data-testid={`public-url-${environment}`} data-state={state}>
          {WHY_NOT[state] ?? ''}
        </span>
      )}
    </div>
  );
}
