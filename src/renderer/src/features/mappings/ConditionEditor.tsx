import { useState } from 'react';
import type { Condition, ConditionLeaf, JsonValue } from '../../../../shared/expr';
import { useApp } from '../../app/store-context';

type LeafOp = ConditionLeaf['op'];
const OPS: ReadonlyArray<{ op: LeafOp; label: string }> = [
  { op: 'equals', label: 'equals' },
  { op: 'not_equals', label: 'does not equal' },
  { op: 'exists', label: 'exists' },
  { op: 'not_exists', label: 'does not exist' },
  { op: 'in', label: 'is one of (JSON list)' },
  { op: 'matches', label: 'matches (regex)' },
];

/** Typed values: JSON where it parses (`42`, `true`, `"42"`), otherwise the text as a string. */
const parseLoose = (text: string): JsonValue => {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return text;
  }
};
const showValue = (v: unknown): string => (typeof v === 'string' && parseLoose(v) === v ? v : JSON.stringify(v));

const leafFrom = (path: string, op: LeafOp, text: string): ConditionLeaf => {
  if (op === 'exists' || op === 'not_exists') return { path, op };
  if (op === 'matches') return { path, op, value: text };
  if (op === 'in') {
    const v = parseLoose(text);
    return { path, op, value: Array.isArray(v) ? v : [v] };
  }
  return { path, op, value: parseLoose(text) };
};

/** A condition on one path (the common case); an `all`/`any` condition is edited as JSON. */
export function ConditionEditor() {
  const condition = useApp((s) => s.draft?.condition);
  const error = useApp((s) => s.draftErrors.condition);
  const editDraft = useApp((s) => s.editDraft);
  const [json, setJson] = useState<string | null>(null);

  if (!condition) {
    return (
      <button type="button" className="btn btn--small" data-testid="add-condition" onClick={() => editDraft({ condition: { path: 'body.', op: 'exists' } })}>
        + Add a condition
      </button>
    );
  }
  const remove = (
    <button type="button" className="btn btn--small btn--ghost" data-testid="remove-condition" onClick={() => editDraft({ condition: undefined })}>
      Remove
    </button>
  );
  if (condition.op === 'all' || condition.op === 'any') {
    return (
      <div className="condition">
        <textarea
          className="input input--mono"
          rows={5}
          aria-label="Condition (JSON)"
          value={json ?? JSON.stringify(condition, null, 2)}
          onChange={(e) => {
            setJson(e.target.value);
            try {
              editDraft({ condition: JSON.parse(e.target.value) as Condition });
            } catch {
              // Half-typed JSON stays in the box until it parses.
            }
          }}
        />
        {error && <p className="field__error">{error}</p>}
        {remove}
      </div>
    );
  }
  const text = 'value' in condition ? showValue(condition.value) : '';
  const set = (path: string, op: LeafOp, value: string) => editDraft({ condition: leafFrom(path, op, value) });
  return (
    <div className="condition" data-testid="condition">
      <div className="condition__row">
        <input className="input input--mono" aria-label="Condition path" value={condition.path} spellCheck={false} onChange={(e) => set(e.target.value, condition.op, text)} />
        <select className="select" aria-label="Condition operator" value={condition.op} onChange={(e) => set(condition.path, e.target.value as LeafOp, text)}>
          {OPS.map((o) => (
            <option key={o.op} value={o.op}>
              {o.label}
            </option>
          ))}
        </select>
        {condition.op !== 'exists' && condition.op !== 'not_exists' && (
          <input className="input input--mono" aria-label="Condition value" value={text} spellCheck={false} onChange={(e) => set(condition.path, condition.op, e.target.value)} />
        )}
        {remove}
      </div>
      {error && <p className="field__error">{error}</p>}
    </div>
  );
}
