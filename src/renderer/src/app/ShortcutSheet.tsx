import { Modal } from '../components/Modal';

const SHORTCUTS: ReadonlyArray<[string, string, string]> = [
  ['Anywhere', 'Ctrl K  /  ⌘ K', 'Open the command palette'],
  ['Anywhere', '?', 'Show this list'],
  ['Palette', '↑  ↓  Enter  Esc', 'Move, run, close'],
  ['Log', '/', 'Search bodies'],
  ['Log', '↑  ↓  Home  End', 'Move through events (End loads older ones)'],
  ['Log', 'Enter  /  Esc', 'Open / close the event'],
  ['Source tabs', '←  →', 'Switch between Mappings, Logs and Settings'],
  ['Dialogs', 'Esc', 'Close, back to where you were'],
];

/** The `?` sheet: every keyboard shortcut, grouped by where it works. */
export function ShortcutSheet({ onClose }: { onClose(): void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} testId="shortcut-sheet">
      <div className="modal__body">
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map(([where, keys, what]) => (
              <tr key={`${where}-${keys}`}>
                <th scope="row" className="muted">{where}</th>
                <td>
                  <kbd>{keys}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Modal>
  );
}
