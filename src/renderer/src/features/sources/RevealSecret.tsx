import { useEffect, useState } from 'react';
import { useApp } from '../../app/store-context';
import { CopyButton } from '../../components/CopyButton';
import { errorText } from '../../lib/errors';

const SHOW_FOR_MS = 30_000;

/** A masked secret that can be revealed (fetched on demand, hidden again after 30 s). */
export function RevealSecret({ sourceId, environment, secretId, preview, onError }: {
  sourceId: string;
  environment: string;
  secretId: string;
  preview: string;
  onError(message: string | null): void;
}) {
  const revealSecret = useApp((s) => s.revealSecret);
  const [plain, setPlain] = useState<string | null>(null);

  useEffect(() => {
    if (plain === null) return;
    const timer = setTimeout(() => setPlain(null), SHOW_FOR_MS);
    return () => clearTimeout(timer);
  }, [plain]);

  const reveal = async () => {
    const r = await revealSecret({ id: sourceId, environment, secretId });
    onError(errorText(r));
    if (r.ok) setPlain(r.value.secret);
  };

  return (
    <span className="reveal">
      <code className="secret-list__preview" data-testid="secret-value" data-revealed={plain !== null}>
        {plain ?? preview}
      </code>
      {plain === null ? (
        <button type="button" className="btn btn--small btn--ghost" data-testid="reveal-secret" onClick={() => void reveal()}>
          Reveal
        </button>
      ) : (
        <>
          <CopyButton text={plain} />
          <button type="button" className="btn btn--small btn--ghost" data-testid="hide-secret" onClick={() => setPlain(null)}>
            Hide
          </button>
        </>
      )}
    </span>
  );
}
