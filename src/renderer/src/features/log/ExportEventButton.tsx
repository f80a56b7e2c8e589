import type { EventDetail } from '../../../../shared/domain/event';
import { downloadText } from '../../lib/download';
import { captureFileText, toCapture } from './capture-format';

/** Saves the open event as a captures file (the format Log → Import… reads), to pass it around. */
export function ExportEventButton({ detail }: { detail: EventDetail }) {
  const save = () => downloadText(`inlet-event-${detail.id}${detail.eventType ? `-${detail.eventType.replace(/[^\w.-]+/g, '_')}` : ''}.json`, captureFileText([toCapture(detail)]));
  return (
    <button type="button" className="btn btn--small" data-testid="export-event" title="Save this request as a file Log → Import… reads" onClick={save}>
      Export…
    </button>
  );
}
