import { useMemo, useState } from 'react';
import type { EventDetail } from '../../../../shared/domain/event';
import { useApp } from '../../app/store-context';
import { CopyButton } from '../../components/CopyButton';
import { describeError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { buildCurl } from './curl';

type Resigned = { state: 'idle' } | { state: 'signing' } | { state: 'ready'; command: string; expiresAt: number | null } | { state: 'failed'; error: string };

/**
 * The request as a curl command for the local receiver, byte-exact (binary bodies via base64); or
 * signed afresh now, for senders whose signatures expire.
 */
export function CurlPanel({ detail }: { detail: EventDetail }) {
  const receiverUrl = useApp((s) => s.info?.receiverUrl ?? '');
  const resignedRequestOf = useApp((s) => s.resignedRequestOf);
  const [shown, setShown] = useState(false);
  const [resigned, setResigned] = useState<{ id: number; value: Resigned }>({ id: detail.id, value: { state: 'idle' } });
  const signed = resigned.id === detail.id ? resigned.value : { state: 'idle' as const };
  // Built only when shown or copied: quoting a multi-megabyte body costs a visible pause.
  const command = useMemo(() => (shown ? buildCurl(detail, receiverUrl) : ''), [shown, detail, receiverUrl]);
  const binary = detail.bodySize > 0 && detail.bodyText === null;

  const resign = async () => {
    const id = detail.id;
    setResigned({ id, value: { state: 'signing' } });
    try {
      const request = await resignedRequestOf(id);
      setResigned({ id, value: { state: 'ready', command: buildCurl(request, receiverUrl), expiresAt: request.expiresAt } });
    } catch (error) {
      setResigned({ id, value: { state: 'failed', error: describeError(error) } });
    }
  };

  return (
    <div className="curl">
      <div className="curl__actions">
        <CopyButton text={() => buildCurl(detail, receiverUrl)} label="Copy as cURL" testId="copy-curl" />
        <button type="button" className="btn btn--small btn--ghost" aria-expanded={shown} data-testid="show-curl" onClick={() => setShown(!shown)}>
          {shown ? 'Hide command' : 'Show command'}
        </button>
        {detail.sourceId !== null && (
          <button type="button" className="btn btn--small btn--ghost" data-testid="resign-curl" disabled={signed.state === 'signing'} onClick={() => void resign()}>
            {signed.state === 'ready' ? 'Re-sign again' : 'Re-signed command'}
          </button>
        )}
      </div>
      {shown && (
        <>
          {binary && <p className="field__help">The body is binary: it is decoded from base64 and piped to curl on stdin.</p>}
          <p className="field__help">Signatures that include a timestamp (Stripe, Svix, Slack…) expire: an old copy may fail verification. Use the re-signed command instead.</p>
          <pre className="code curl__command" data-testid="curl-command">
            {command}
          </pre>
        </>
      )}
      {signed.state === 'failed' && (
        <p className="field__error" data-testid="resign-curl-error">
          {signed.error}
        </p>
      )}
      {signed.state === 'ready' && (
        <>
          <div className="curl__actions">
            <CopyButton text={signed.command} label="Copy re-signed cURL" testId="copy-resigned-curl" />
            <span className="field__help" data-testid="resigned-curl-expiry">
              {signed.expiresAt === null ? 'Signed just now; this signature does not expire.' : `Signed just now; valid until ${formatDateTime(signed.expiresAt)}.`}
            </span>
          </div>
          <pre className="code curl__command" data-testid="resigned-curl-command">
            {signed.command}
          </pre>
        </>
      )}
    </div>
  );
}
