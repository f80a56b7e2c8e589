import { useState } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { LoadingState } from '../../components/LoadingState';
import { downloadBytes, downloadText } from '../../lib/download';
import { LARGE_BODY_CHARS } from './body-lines';
import { useFormattedBody } from './use-formatted-body';
import { VirtualBody } from './VirtualBody';
import { VisibleText } from './VisibleText';

type Mode = 'pretty' | 'raw';

export interface BodyViewProps {
  bodyText: string | null;
  bodyBase64: string;
  /** The download's file name without extension. */
  fileName: string;
  contentType: string | null;
}

/** JSON is shown pretty (raw on request); other text as is; binary as base64. Any body can be downloaded as received. */
export function BodyView(props: BodyViewProps) {
  const { bodyText, bodyBase64 } = props;
  if (bodyText === null) {
    return (
      <>
        <div className="body-toolbar">
          <DownloadBodyButton {...props} />
        </div>
        <p className="field__help">Not UTF-8 text; shown as base64.</p>
        <pre className="code" data-testid="body-view" data-format="base64">{bodyBase64}</pre>
      </>
    );
  }
  if (bodyText === '') return <p className="muted" data-testid="body-view">Empty body.</p>;
  return <TextBody {...props} bodyText={bodyText} />;
}

function TextBody(props: BodyViewProps & { bodyText: string }) {
  const { bodyText } = props;
  const formatted = useFormattedBody(bodyText);
  const [mode, setMode] = useState<Mode>('pretty');
  const pretty = formatted?.pretty ?? null;
  const showPretty = pretty !== null && mode === 'pretty';
  const format = showPretty ? 'json' : 'text';
  const shown = showPretty ? pretty : bodyText;

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
        <DownloadBodyButton {...props} />
      </div>
      {formatted === null ? (
        <LoadingState label="Formatting the body…" />
      ) : bodyText.length > LARGE_BODY_CHARS ? (
        <VirtualBody key={format} text={shown} starts={(showPretty ? formatted.prettyStarts : null) ?? formatted.rawStarts} format={format} />
      ) : (
        <pre className="code" data-testid="body-view" data-format={format}>
          <VisibleText text={shown} />
        </pre>
      )}
    </>
  );
}

/** Saves the body byte for byte, whatever it is; the extension follows its content type. */
function DownloadBodyButton({ bodyText, bodyBase64, fileName, contentType }: BodyViewProps) {
  const extension = /json/i.test(contentType ?? '') ? 'json' : /^text\//i.test(contentType ?? '') ? 'txt' : 'bin';
  const type = contentType ?? 'application/octet-stream';
  // A text body may come without its base64 copy; UTF-8 text encodes back to the same bytes.
  const save = () => (bodyText !== null && bodyBase64 === '' ? downloadText(`${fileName}.${extension}`, bodyText, type) : downloadBytes(`${fileName}.${extension}`, bodyBase64, type));
  return (
    <button type="button" className="btn btn--small" onClick={save}>
      Download body
    </button>
  );
}
