import type { BundleAction, BundlePreviewItem } from '../../../../shared/domain/bundle-preview';

const ACTION_LABEL: Record<BundleAction, string> = { create: 'Create', rename: 'Import under a new name', replace: 'Replace', skip: 'Skip' };

/** One row per item of the bundle: what it is, whether it exists here, and what to do with it. */
export function BundlePreviewTable({ items, choices, onChoose }: { items: BundlePreviewItem[]; choices: Record<string, BundleAction>; onChoose(ref: string, action: BundleAction): void }) {
  return (
    <table className="table config-preview" data-testid="bundle-preview">
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col">Here</th>
          <th scope="col">On import</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.ref} data-testid={`bundle-item-${item.ref}`}>
            <td>
              <span className="tag">{item.kind}</span> {item.label}
              {item.note && <div className="muted">{item.note}</div>}
            </td>
            <td>{item.exists ? <span className="tag tag--warn">exists</span> : <span className="muted">new</span>}</td>
            <td>
              {item.actions.length > 1 ? (
                <select className="select" aria-label={`On import: ${item.label}`} value={choices[item.ref] ?? item.action} data-testid={`bundle-choice-${item.ref}`} onChange={(e) => onChoose(item.ref, e.target.value as BundleAction)}>
                  {item.actions.map((a) => (
                    <option key={a} value={a}>
                      {ACTION_LABEL[a]}
                    </option>
                  ))}
                </select>
              ) : item.exists ? (
                <span className="muted">used as it is</span>
              ) : (
                ACTION_LABEL[item.action]
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
