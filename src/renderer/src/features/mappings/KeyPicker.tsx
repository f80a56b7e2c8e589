import { useApp } from '../../app/store-context';
import { keyOptions, type KeyKind } from './key-options';

const NOUN: Record<KeyKind, string> = { workflow_key: 'workflows', audience_key: 'audiences', collection: 'collections' };

/** Known names for a key-like parameter; choosing one writes it as text (a quoted constant). */
export function KeyPicker({ kind, param, label, onPick }: { kind: KeyKind; param: string; label: string; onPick(value: string): void }) {
  const workspace = useApp((s) => s.workspaceKeys);
  // Editing an environment's parameters, its own workflows are the list to pick from.
  const envWorkflows = useApp((s) => (kind === 'workflow_key' && s.editingEnv !== null ? s.workflowsByEnv[s.editingEnv] : undefined));
  const mappings = useApp((s) => s.mappings);
  const options = keyOptions(kind, param, envWorkflows ? { ...workspace, workflow_key: envWorkflows } : workspace, mappings);
  if (options.length === 0) return null;
  return (
    <select
      className="select param__keys"
      aria-label={`Known ${NOUN[kind]} for ${label}`}
      value=""
      data-testid={`param-${param}-keys`}
      onChange={(e) => e.target.value && onPick(e.target.value)}
    >
      <option value="">Known {NOUN[kind]}…</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
}
