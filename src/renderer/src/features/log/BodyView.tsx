import { useMemo, useState } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { prettyJson } from './pretty-json';
import { VisibleText } from './VisibleText';

type Mode = 'pretty' | 'raw';

/** JSON is shown pretty (raw on request); other text as is; binary as base64. */
export function BodyView({ bodyText, bodyBase64 }: { bodyText: string | null; bodyBase64: string }) {
  const pretty = useMemo(() => (bodyText === null ? null : prettyJson(bodyText)), [bodyText]);
  const [mode, setMode] = useState<Mode>('pretty');

  if (bodyText === null) {
    return (
      <>
        <p className="field__help">Not UTF-8 text; shown as base64.</p>
        <pre className="code" data-testid="body-view" data-format="base64">{bodyBase64}</pre>
      </>
    );
  }
  if (bodyText === '') return <p className="muted" data-testid="body-view">Empty body.</p>;

  const shown = pretty !== null && mode === 'pretty' ? pretty : bodyText;
  return (
    <>
      <div className="body-toolbar">
        {pretty !== null && (
          <div className="segmented" role="group" aria-label="Body format">
            {(['pretty', 'raw'] as const).map((m) => (
              <button key={m} type="button" className="segmented__item" aria-pressed={mode === m} onClick={() => setMode(m)}>
                {m === 'pretty' ? 'Pretty JSON' : 'Raw'}
              </button>
            ))}
          </div>
        )}
        <CopyButton text={bodyText} label="Copy body" />
      </div>
      <pre className="code" data-testid="body-view" data-format={pretty !== null && mode === 'pretty' ? 'json' : 'text'}>
        <VisibleText text={shown} />
      </pre>
    </>
  );
}
