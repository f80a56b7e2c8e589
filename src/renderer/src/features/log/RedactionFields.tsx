import { DETECTOR_LABELS, REDACTION_DETECTORS, type RedactionRule } from '../../../../shared/domain/redaction';
import { useApp } from '../../app/store-context';

const RULE_KINDS: Array<{ kind: RedactionRule['kind']; label: string; placeholder: string }> = [
  { kind: 'path', label: 'Field', placeholder: 'data.object.customer or items[*].card' },
  { kind: 'header', label: 'Header', placeholder: 'x-customer-id' },
  { kind: 'regex', label: 'Regex', placeholder: 'cus_[A-Za-z0-9]+' },
];

const valueOf = (r: RedactionRule) => (r.kind === 'path' ? r.path : r.kind === 'header' ? r.name : r.pattern);
const withValue = (kind: RedactionRule['kind'], value: string): RedactionRule =>
  kind === 'path' ? { kind, path: value } : kind === 'header' ? { kind, name: value } : { kind, pattern: value, caseInsensitive: false };

/** What the export replaces: built-in detectors on or off, and the user's own rules. */
export function RedactionFields() {
  const settings = useApp((s) => s.exportSettings);
  const update = useApp((s) => s.setExportSettings);
  const setRule = (i: number, rule: RedactionRule) => update({ rules: settings.rules.map((r, j) => (j === i ? rule : r)) });

  return (
    <fieldset className="export-redaction" data-testid="export-redaction">
      <legend className="export-redaction__legend">
        <label>
          <input type="checkbox" checked={settings.redact} data-testid="export-redact" onChange={(e) => update({ redact: e.target.checked })} /> Redact before saving
        </label>
      </legend>
      {settings.redact && (
        <>
          <p className="field__help">Each value gets a placeholder that stays the same across the whole file (redacted-1@example.com…), so events still join. Redacted requests are re-signed on replay.</p>
          <div className="export-redaction__detectors">
            {REDACTION_DETECTORS.map((d) => (
              <label key={d} className="export-redaction__detector">
                <input
                  type="checkbox"
                  checked={settings.detectors[d]}
                  data-testid={`export-detector-${d}`}
                  onChange={(e) => update({ detectors: { ...settings.detectors, [d]: e.target.checked } })}
                />{' '}
                {DETECTOR_LABELS[d]}
              </label>
            ))}
          </div>
          <div className="export-redaction__rules" role="group" aria-label="Your redaction rules">
            {settings.rules.map((rule, i) => {
              const kind = RULE_KINDS.find((k) => k.kind === rule.kind)!;
              return (
                <div key={i} className="export-redaction__rule" data-testid="export-rule">
                  <select
                    className="select"
                    aria-label={`Rule ${i + 1} kind`}
                    value={rule.kind}
                    onChange={(e) => setRule(i, withValue(e.target.value as RedactionRule['kind'], valueOf(rule)))}
                  >
                    {RULE_KINDS.map((k) => (
                      <option key={k.kind} value={k.kind}>
                        {k.label}
                      </option>
                    ))}
                  </select>
                  <input
                    className="input"
                    aria-label={`Rule ${i + 1} ${kind.label.toLowerCase()}`}
                    placeholder={kind.placeholder}
                    value={valueOf(rule)}
                    data-testid="export-rule-value"
                    onChange={(e) => setRule(i, withValue(rule.kind, e.target.value))}
                  />
                  <button type="button" className="btn btn--small btn--ghost" aria-label={`Remove rule ${i + 1}`} onClick={() => update({ rules: settings.rules.filter((_, j) => j !== i) })}>
                    Remove
                  </button>
                </div>
              );
            })}
            <button type="button" className="btn btn--small" data-testid="export-add-rule" onClick={() => update({ rules: [...settings.rules, { kind: 'path', path: '' }] })}>
              Add a rule
            </button>
          </div>
        </>
      )}
    </fieldset>
  );
}
