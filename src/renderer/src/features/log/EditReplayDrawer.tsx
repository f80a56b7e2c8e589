import { useMemo, useState } from 'react';
import type { EventDetail } from '../../../../shared/domain/event';
import { useApp } from '../../app/store-context';
import { useModalDialog } from '../../components/use-modal-dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { BodyEditor } from './BodyEditor';
import { formatJson, headersToText, isJsonBody, jsonProblem, parseHeaderLines } from './edit-replay';
import type { ReplayOptions } from './replay.slice';
import { ReplayOptionsFields } from './ReplayOptionsFields';
import './replay.css';

interface Props {
  detail: EventDetail;
  /** Whether this event can be re-signed (from `events.replayOptions`); unknown while it loads. */
  resign: { available: boolean; reason: string | null } | undefined;
  onClose(): void;
}

/**
 * Edit and replay: the request's body (JSON-aware, errors marked where they are), headers and
 * query, replayed re-signed (or ignoring verification when it can't be re-signed). The replay
 * opens in the log with the request diff next to the outcome diff.
 */
export function EditReplayDrawer({ detail, resign, onClose }: Props) {
  const ref = useModalDialog(onClose);
  const replay = useApp((s) => s.replayEvent);
  const status = useApp((s) => s.replayStatus);
  const error = useApp((s) => (s.replayErrorFor === detail.id ? s.replayError : null));
  const binary = detail.bodyText === null;
  const [body, setBody] = useState(detail.bodyText ?? '');
  const [headersText, setHeadersText] = useState(() => headersToText(detail.headers));
  const [query, setQuery] = useState(detail.query);
  const [options, setOptions] = useState<ReplayOptions>({ mode: resign?.available === false ? 'ignore_verification' : 'resign', respectIdempotency: false });
  const asJson = useMemo(() => !binary && isJsonBody(detail.contentType, detail.bodyText ?? ''), [binary, detail.contentType, detail.bodyText]);
  const problem = asJson ? jsonProblem(body) : null;
  const headers = parseHeaderLines(headersText);

  const submit = async () => {
    const edit = { ...(binary ? {} : { body }), headers: headers.headers, query: query.replace(/^\?/, '') };
    if (await replay(detail.id, options, edit)) onClose();
  };

  return (
    <dialog ref={ref} className="modal edit-replay" aria-labelledby="edit-replay-title" data-testid="edit-replay">
      <header className="modal__header">
        <div className="modal__heading">
          <h2 id="edit-replay-title" className="modal__title">
            Edit and replay event #{detail.id}
          </h2>
          <div className="modal__subtitle">The replay is marked as edited and shows what changed next to the original.</div>
        </div>
        <button type="button" className="btn btn--small btn--ghost" aria-label="Close (Esc)" onClick={onClose}>
          Close <kbd>Esc</kbd>
        </button>
      </header>
      <form
        className="modal__form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="modal__body edit-replay__body">
        <div className="field">
          <div className="edit-replay__label-row">
            <span className="edit-replay__label" id="edit-replay-body-label">
              Body {asJson && <span className="muted">(JSON)</span>}
            </span>
            {asJson && (
              <button type="button" className="btn btn--small btn--ghost" data-testid="edit-replay-format" disabled={problem !== null} onClick={() => setBody(formatJson(body))}>
                Format
              </button>
            )}
          </div>
          {binary ? (
            <p className="field__help">The body is binary: it is replayed as it is, and only the headers and query can be edited.</p>
          ) : (
            <BodyEditor value={body} onChange={setBody} isJson={asJson} label="Request body" />
          )}
          {problem && (
            <p className="field__error" role="status" data-testid="edit-replay-json-error">
              Not valid JSON — {problem}. It is sent as typed.
            </p>
          )}
        </div>
        <label className="field">
          <span className="edit-replay__label">Headers</span>
          <textarea
            className="input edit-replay__headers"
            rows={Math.min(12, Math.max(4, detail.headers.length + 1))}
            spellCheck={false}
            value={headersText}
            data-testid="edit-replay-headers"
            onChange={(e) => setHeadersText(e.target.value)}
          />
          <span className="field__help">One per line, name: value. Re-signing replaces the signature headers.</span>
          {headers.problems.map((p) => (
            <span key={p} className="field__error">
              {p}
            </span>
          ))}
        </label>
        <label className="field">
          <span className="edit-replay__label">Query</span>
          <input className="input" value={query} placeholder="a=1&b=2" spellCheck={false} data-testid="edit-replay-query" onChange={(e) => setQuery(e.target.value)} />
        </label>
        <ReplayOptionsFields value={options} onChange={setOptions} idPrefix="edit-replay" resign={resign} edited />
        <ErrorNotice message={error} />
        </div>
        <div className="modal__footer">
          <button type="button" className="btn btn--ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn--primary" disabled={status === 'running' || headers.problems.length > 0} data-testid="edit-replay-submit">
            {status === 'running' ? 'Replaying…' : 'Replay edited request'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
