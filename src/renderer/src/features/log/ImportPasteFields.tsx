import type { PastedRequest } from './capture-format';

interface Props {
  value: PastedRequest;
  onChange(value: PastedRequest): void;
  /** Shown once the user tried to import. */
  errors: readonly string[];
}

/** One request by hand: the body as it was sent, and optionally its headers and query. */
export function ImportPasteFields({ value, onChange, errors }: Props) {
  const edit = (patch: Partial<PastedRequest>) => onChange({ ...value, ...patch });
  return (
    <div className="import-paste">
      <div className="import-paste__line">
        <div className="field">
          <label htmlFor="import-method">Method</label>
          <select id="import-method" className="select" value={value.method} onChange={(e) => edit({ method: e.target.value as PastedRequest['method'] })}>
            <option>POST</option>
            <option>PUT</option>
            <option>PATCH</option>
          </select>
        </div>
        <div className="field import-paste__query">
          <label htmlFor="import-query">
            Query <span className="muted">(optional)</span>
          </label>
          <input id="import-query" className="input mono" placeholder="a=1&b=2" value={value.query} data-testid="import-query" onChange={(e) => edit({ query: e.target.value })} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="import-body">Body</label>
        <textarea
          id="import-body"
          className="input mono import-paste__body"
          rows={10}
          spellCheck={false}
          placeholder='{"type": "customer.created", "data": {…}}'
          value={value.body}
          aria-invalid={errors.some((e) => e.startsWith('Body')) || undefined}
          data-testid="import-body"
          onChange={(e) => edit({ body: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor="import-headers">
          Headers <span className="muted">(optional: “Name: value” lines or a JSON object)</span>
        </label>
        <textarea
          id="import-headers"
          className="input mono"
          rows={4}
          spellCheck={false}
          placeholder={'Content-Type: application/json\nStripe-Signature: t=…,v1=…'}
          value={value.headers}
          aria-invalid={errors.some((e) => e.startsWith('Headers')) || undefined}
          data-testid="import-headers"
          onChange={(e) => edit({ headers: e.target.value })}
        />
      </div>
      {errors.length > 0 && (
        <ul className="import-paste__errors field__error" role="alert" data-testid="import-errors">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
