import { useState } from 'react';
import type { Environment } from '../../../../shared/domain/environment';
import { useApp } from '../../app/store-context';
import { ConfirmButton } from '../../components/ConfirmButton';
import { EnvDot } from './EnvDot';
import { errorText } from '../../lib/errors';

/** One environment: its fixed key, a renameable name, and delete (never the last one). */
export function EnvironmentRow({ env, onlyOne, onError }: { env: Environment; onlyOne: boolean; onError(message: string | null): void }) {
  const rename = useApp((s) => s.renameEnvironment);
  const remove = useApp((s) => s.deleteEnvironment);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(env.name);

  const save = async () => {
    if (!name.trim() || name.trim() === env.name) {
      setEditing(false);
      setName(env.name);
      return;
    }
    const result = await rename(env.key, name);
    onError(errorText(result));
    if (result.ok) setEditing(false);
  };

  return (
    <tr data-testid={`env-row-${env.key}`}>
      <td>
        {editing ? (
          <form
            className="env-rename"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <input
              className="input"
              aria-label={`New name for ${env.key}`}
              value={name}
              maxLength={80}
              autoFocus
              data-testid={`env-name-input-${env.key}`}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && (setEditing(false), setName(env.name))}
            />
            <button type="submit" className="btn btn--small btn--primary" data-testid={`env-save-${env.key}`}>
              Save
            </button>
          </form>
        ) : (
          <span className="env-name" data-testid={`env-name-${env.key}`}>
            <EnvDot env={env.key} />
            {env.name}
          </span>
        )}
      </td>
      <td>
        <code>{env.key}</code>
      </td>
      <td className="table__actions">
        <span className="env-actions">
          {!editing && (
            <button type="button" className="btn btn--small btn--ghost" data-testid={`env-rename-${env.key}`} onClick={() => setEditing(true)}>
              Rename
            </button>
          )}
          {onlyOne ? (
            <span className="muted" title="Every source needs an environment">
              Last one
            </span>
          ) : (
            <ConfirmButton
              label="Delete"
              danger
              question={`Delete ${env.name}? Its URLs, secrets, settings and workspace go with it.`}
              confirmLabel="Delete"
              testId={`env-delete-${env.key}`}
              onConfirm={async () => {
                const result = await remove(env.key);
                onError(errorText(result));
              }}
            />
          )}
        </span>
      </td>
    </tr>
  );
}
