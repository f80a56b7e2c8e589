import { useState } from 'react';
import { ExportDialog } from './ExportDialog';

/** Opens the export dialog for the log as filtered now. */
export function ExportLogButton({ filtered }: { filtered: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn btn--small" data-testid="export-log-open" onClick={() => setOpen(true)}>
        Export…
      </button>
      {open && <ExportDialog filtered={filtered} onClose={() => setOpen(false)} />}
    </>
  );
}
