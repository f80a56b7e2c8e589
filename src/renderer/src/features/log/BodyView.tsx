import { useMemo, useState } from 'react';
import { CopyButton } from '../../components/CopyButton';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadingState } from '../../components/LoadingState';
import { downloadBytes, downloadText, saveBlob } from '../../lib/download';
import { LARGE_BODY_CHARS, type LargeBody } from './body-rows';
import type { DeferredBody } from './deferred-body';
import { prettyJson } from './pretty-json';
import { useLargeBodyOf } from './use-large-body';
import { VirtualBody } from './VirtualBody';
import { VisibleText } from './VisibleText';

type Mode = 'pretty' | 'raw';

export interface BodyViewProps {
  bodyText: string | null;
  bodyBase64: string;
  /** The download's file name without extension. */
  fileName: string;
  contentType: string | null;
  /** A large body a worker loads apart from the detail (HTTP); the text props fill in once it is whole. */
  deferred?: DeferredBody | null;
}

/**
 * JSON is shown pretty (raw on request); other text as is; binary as base64. Any body can be
 * downloaded as received. A large body is prepared in a worker and drawn a screenful at a time.
 */
export function BodyView(props: BodyViewProps) {
  const { bodyText, bodyBase64, deferred } = props;
  if (deferred) return <DeferredBodyView {...props} deferred={deferred} />;
  if (bodyText !== null && bodyText.length > LARGE_BODY_CHARS) return <LargeTextBody {...props} bodyText={bodyText} />;
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
  return <SmallTextBody {...props} bodyText={bodyText} />;
}

function SmallTextBody(props: BodyViewProps & { bodyText: string }) {
  const { bodyText } = props;
  const [mode, setMode] = useState<Mode>('pretty');
  const pretty = useMemo(() => prettyJson(bodyText), [bodyText]);
  const showPretty = pretty !== null && mode === 'pretty';
  return (
    <>
      <div className="body-toolbar">
        {pretty !== null && <FormatSwitch mode={mode} onChange={setMode} />}
        <CopyButton text={bodyText} label="Copy body" testId="copy-body" />
        <DownloadBodyButton {...props} />
      </div>
      <pre className="code" data-testid="body-view" data-format={showPretty ? 'json' : 'text'}>
        <VisibleText text={showPretty ? pretty : bodyText} />
      </pre>
    </>
  );
}

/** A large body whose text is already here (the desktop app): a worker only formats it. */
function LargeTextBody(props: BodyViewProps & { bodyText: string }) {
  const { body, error } = useLargeBodyOf(props.bodyText);
  return <LargeBodyRows {...props} body={body} error={error} />;
}

function DeferredBodyView(props: BodyViewProps & { deferred: DeferredBody }) {
  const { deferred } = props;
  if (deferred.failure === 'load') {
    // The body never arrived (a refused token, an HTTP error, no host): nothing is wrong with the body itself.
    return (
      <div className="notice notice--error" role="alert" data-testid="body-load-error">
        <p className="notice__message">Couldn’t load the body: {deferred.error}</p>
        {deferred.retry && (
          <button type="button" className="btn btn--small" data-testid="body-load-retry" onClick={deferred.retry}>
            Retry
          </button>
        )}
      </div>
    );
  }
  return <LargeBodyRows {...props} body={deferred.body} error={deferred.error} copyText={deferred.complete ? props.bodyText : null} />;
}

interface LargeBodyRowsProps extends BodyViewProps {
  body: LargeBody | null;
  error: string | null;
  /** The text to copy, once the whole body is here; the button waits until then. */
  copyText?: string | null;
}

function LargeBodyRows(props: LargeBodyRowsProps) {
  const { body, error, fileName, contentType } = props;
  const copyText = props.copyText === undefined ? props.bodyText : props.copyText;
  const [mode, setMode] = useState<Mode>('pretty');
  if (error !== null) return <ErrorNotice message={`The body could not be shown: ${error}`} />;
  if (body === null) return <LoadingState label="Preparing the body…" />;
  const showPretty = body.pretty !== null && mode === 'pretty';
  const format = showPretty ? 'json' : 'text';
  return (
    <>
      <div className="body-toolbar">
        {body.pretty !== null && <FormatSwitch mode={mode} onChange={setMode} />}
        {body.kind === 'text' && (copyText ? <CopyButton text={copyText} label="Copy body" testId="copy-body" /> : <button type="button" className="btn btn--small" data-testid="copy-body" disabled>Copy body</button>)}
        <button type="button" className="btn btn--small" onClick={() => saveBlob(`${fileName}.${extensionOf(contentType)}`, body.file.slice(0, body.file.size, contentType ?? 'application/octet-stream'))}>
          Download body
        </button>
      </div>
      {body.kind === 'binary' && <p className="field__help">Not UTF-8 text; shown as base64.</p>}
      <VirtualBody key={format} rows={showPretty && body.pretty ? body.pretty : body.raw} format={body.kind === 'binary' ? 'text' : format} />
    </>
  );
}

function FormatSwitch({ mode, onChange }: { mode: Mode; onChange(mode: Mode): void }) {
  return (
    <div className="segmented" role="group" aria-label="Body format">
      {(['pretty', 'raw'] as const).map((m) => (
        <button key={m} type="button" className="segmented__item" aria-pressed={mode === m} onClick={() => onChange(m)}>
          {m === 'pretty' ? 'Pretty JSON' : 'Raw'}
        </button>
      ))}
    </div>
  );
}

const extensionOf = (contentType: string | null): string => (/json/i.test(contentType ?? '') ? 'json' : /^text\//i.test(contentType ?? '') ? 'txt' : 'bin');

/** Saves the body byte for byte, whatever it is; the extension follows its content type. */
function DownloadBodyButton({ bodyText, bodyBase64, fileName, contentType }: BodyViewProps) {
  const type = contentType ?? 'application/octet-stream';
  const name = `${fileName}.${extensionOf(contentType)}`;
  // A text body may come without its base64 copy; UTF-8 text encodes back to the same bytes.
  const save = () => (bodyText !== null && bodyBase64 === '' ? downloadText(name, bodyText, type) : downloadBytes(name, bodyBase64, type));
  return (
    <button type="button" className="btn btn--small" onClick={save}>
      Download body
    </button>
  );
}
