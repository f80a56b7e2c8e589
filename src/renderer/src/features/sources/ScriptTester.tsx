import { useState } from 'react';
import type { ApiOutput } from '../../../../shared/api/contract';
import type { Source } from '../../../../shared/domain/source';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { errorText } from '../../lib/errors';

interface Props {
  source: Source;
  environment: string;
  /** The draft in the editor: tested as typed, before it is saved. */
  script: string;
  onErrorLine(line: number | null): void;
}

type Result = ApiOutput<'sources.testScript'>;

/** Runs the draft script in the host's sandbox on a pasted payload or on the latest logged event. */
export function ScriptTester({ source, environment, script, onErrorLine }: Props) {
  const testScript = useApp((s) => s.testScript);
  const latest = useApp((s) => s.sourceStats.find((x) => x.sourceId === source.id && x.environment === environment));
  const [from, setFrom] = useState<'latest' | 'pasted'>(latest ? 'latest' : 'pasted');
  const [pasted, setPasted] = useState('{\n  "type": "test.event"\n}');
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    const payload = from === 'latest' && latest ? { eventId: latest.lastEventId } : { body: pasted, headers: { 'content-type': 'application/json' } };
    const r = await testScript({ id: source.id, environment, script, payload });
    setBusy(false);
    setError(errorText(r));
    setResult(r.ok ? r.value : null);
    onErrorLine(r.ok ? (r.value.output.error?.line ?? null) : null);
  };

  const output = result?.output;
  return (
    <div className="script-test" data-testid="script-test">
      <div className="script-test__bar">
        <div className="segmented" role="group" aria-label="Test on">
          <button type="button" className="segmented__item" aria-pressed={from === 'latest'} disabled={!latest} onClick={() => setFrom('latest')}>
            Latest event
          </button>
          <button type="button" className="segmented__item" aria-pressed={from === 'pasted'} data-testid="script-test-pasted" onClick={() => setFrom('pasted')}>
            Pasted payload
          </button>
        </div>
        <button type="button" className="btn btn--small" disabled={busy || script.trim() === ''} data-testid="script-test-run" onClick={() => void run()}>
          {busy ? 'Running…' : 'Test script'}
        </button>
        {from === 'latest' && latest && <span className="muted">event #{latest.lastEventId}</span>}
      </div>
      {from === 'pasted' && (
        <textarea
          className="input input--mono script-test__payload"
          aria-label="Payload to test the script on"
          rows={4}
          spellCheck={false}
          value={pasted}
          data-testid="script-test-payload"
          onChange={(e) => setPasted(e.target.value)}
        />
      )}
      <ErrorNotice message={error} />
      {output && (
        <div className={`script-result script-result--${output.ok ? 'ok' : 'error'}`} data-testid="script-test-result" data-ok={output.ok}>
          {output.error ? (
            <p className="script-result__error" data-testid="script-test-error">
              <strong>{output.error.kind}</strong>
              {output.error.line !== undefined && <span data-testid="script-test-error-line"> on line {output.error.line}</span>}: {output.error.message}
            </p>
          ) : (
            <p className="script-result__ok">
              Returned {output.verified === undefined ? 'no verdict' : output.verified ? 'verified: true' : 'verified: false'} in {Math.round(output.durationMs)} ms
            </p>
          )}
          {output.ok && <pre className="code script-result__pretty">{result.pretty}</pre>}
          {output.logs.length > 0 && <pre className="code script-result__logs" aria-label="Console output">{output.logs.join('\n')}</pre>}
        </div>
      )}
    </div>
  );
}
