import { Modal } from '../../components/Modal';
import { useApp } from '../../app/store-context';
import { ImportForm } from './ImportForm';
import { ImportProgress } from './ImportProgress';

/** Log → Import…: captured requests into a source's log, then replayed through the current mappings. */
export function ImportDialog({ onClose }: { onClose(): void }) {
  const job = useApp((s) => s.importJob);
  const cancel = useApp((s) => s.cancelImport);
  const clear = useApp((s) => s.clearImport);

  const close = () => {
    // What was sent stays in the log; closing only stops the chunks still to go.
    if (job?.state === 'sending') cancel();
    else clear();
    onClose();
  };

  return (
    <Modal title="Import captured requests" subtitle="Paste one request or load a file; they land in the log unmapped, ready to replay." onClose={close} testId="import-dialog">
      {job ? <ImportProgress job={job} onClose={close} /> : <ImportForm onCancel={close} />}
    </Modal>
  );
}
