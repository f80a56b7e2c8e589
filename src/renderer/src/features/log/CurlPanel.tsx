import { useMemo, useState } from 'react';
import type { EventDetail } from '../../../../shared/domain/event';
import { useApp } from '../../app/store-context';
import { CopyButton } from '../../components/CopyButton';
import { buildCurl } from './curl';

/** The request as a curl command for the local receiver, byte-exact (binary bodies via base64). */
export function CurlPanel({ detail }: { detail: EventDetail }) {
  const receiverUrl = useApp((s) => s.info?.receiverUrl ?? '');
  const [shown, setShown] = useState(false);
  // Built only when shown or copied: quoting a multi-megabyte body costs a visible pause.
  const command = useMemo(() => (shown ? buildCurl(detail, receiverUrl) : ''), [shown, detail, receiverUrl]);
  const binary = detail.bodySize > 0 && detail.bodyText === null;

  return (
    <div className="curl">
      <div className="curl__actions">
        <CopyButton text={() => buildCurl(detail, receiverUrl)} label="Copy as cURL" testId="copy-curl" />
        <button type="button" className="btn btn--small btn--ghost" aria-expanded={shown} data-testid="show-curl" onClick={() => setShown(!shown)}>
          {shown ? 'Hide command' : 'Show command'}
        </button>
      </div>
      {shown && (
        <>
          {binary && <p className="field__help">The body is binary: it is decoded from base64 and piped to curl on stdin.</p>}
          <p className="field__help">Signatures that include a timestamp (Stripe, Svix, Slack…) expire: an old copy may fail verification.</p>
          <pre className="code curl__command" data-testid="curl-command">
            {command}
          </pre>
        </>
      )}
    </div>
  );
}
