import { useState, type FormEvent } from 'react';
import { WorkflowKeySchema } from '../../../../shared/domain/workspace';
import { useApp } from '../../app/store-context';

/** Makes a workflow key known to the environment, so trigger and cancel mappings can use it. */
export function NewWorkflowForm() {
  const create = useApp((s) => s.createWorkspaceWorkflow);
  const taken = useApp((s) => s.workspaceWorkflows);
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const parsed = WorkflowKeySchema.safeParse(key);
  const problem = key === '' ? null : !parsed.success ? `Use ${parsed.error.issues[0]?.message ?? 'a valid key'}.` : taken.some((w) => w.key === key) ? `"${key}" already exists.` : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (key === '' || problem || busy) return;
    setBusy(true);
    const failure = await create(key, name.trim() || undefined);
    setBusy(false);
    setError(failure);
    if (!failure) {
      setKey('');
      setName('');
    }
  };

  return (
    <form className="ws-new-workflow" aria-label="New workflow" onSubmit={(e) => void submit(e)}>
      <input
        className="input input--mono"
        placeholder="workflow-key"
        aria-label="Workflow key"
        aria-invalid={problem !== null || undefined}
        data-testid="workflow-key-input"
        value={key}
        onChange={(e) => setKey(e.target.value.toLowerCase())}
      />
      <input className="input" placeholder="Name (optional)" aria-label="Workflow name" data-testid="workflow-name-input" value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="btn btn--primary btn--small" disabled={key === '' || problem !== null || busy} data-testid="workflow-create">
        Add workflow
      </button>
      {(problem ?? error) && (
        <p className="field__error ws-new-workflow__error" role="alert">
          {problem ?? error}
        </p>
      )}
    </form>
  );
}
