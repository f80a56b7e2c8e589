import type { Source } from '../../../../shared/domain/source';
import { EventLog } from '../log/EventLog';

/** The log feature's live list, locked to this source (filters, search, replay and detail included). */
export function SourceLogsTab({ source }: { source: Source }) {
  return (
    <div className="source-logs" data-testid="source-logs">
      <EventLog sourceId={source.id} />
    </div>
  );
}
