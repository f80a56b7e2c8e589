import { useId, useState, type DragEvent } from 'react';

interface Props {
  /** What to drop, in words ("a JSON file of captured requests"). */
  label: string;
  onText?(text: string, fileName: string): void;
  /** Called with the file itself instead of its text (a large file is read in parts). */
  onFile?(file: File): void;
  /** File types to offer in the picker (default JSON). */
  accept?: string;
  testId?: string;
}

/** Drop a file here, or choose one: the native file input keeps it reachable from the keyboard. */
export function FileDrop({ label, onText, onFile, accept = '.json,application/json', testId }: Props) {
  const id = useId();
  const [over, setOver] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const read = (file: File | undefined) => {
    if (!file) return;
    if (onFile) return onFile(file);
    file.text().then(
      (text) => {
        setError(null);
        onText?.(text, file.name);
      },
      () => setError(`Could not read ${file.name}.`),
    );
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    read(e.dataTransfer.files[0]);
  };

  return (
    <div
      className={`file-drop${over ? ' file-drop--over' : ''}`}
      data-testid={testId}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <label htmlFor={id} className="file-drop__label">
        Drop {label} here, or <span className="link">choose a file</span>
      </label>
      <input id={id} type="file" accept={accept} className="file-drop__input" data-testid={testId && `${testId}-input`} onChange={(e) => read(e.target.files?.[0])} />
      {error && <p className="field__error">{error}</p>}
    </div>
  );
}
