import { EventLog } from './EventLog';

/** The whole log of the current environment. */
export function LogPage() {
  return (
    <div className="page page--log" data-testid="page-log">
      <EventLog title="Log" />
    </div>
  );
}
