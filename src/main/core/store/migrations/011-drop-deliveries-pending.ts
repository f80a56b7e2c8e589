import type { Migration } from '../migrate';

/**
 * Every delivery is written pending, so `deliveries_pending (destination_id, id)` was one more
 * B-tree write per forwarded event and another when it left pending — about 4% of ingest with a
 * destination. It answered nothing the others don't: `deliveries_by_destination (destination_id,
 * status)` gives a destination's pending rows in id order (the rowid closes the key), and
 * `deliveries_due` (partial, pending) lists the destinations with pending work.
 */
export const dropDeliveriesPending: Migration = {
  version: 11,
  name: 'drop-deliveries-pending',
  up(db) {
    db.exec('DROP INDEX IF EXISTS deliveries_pending;');
  },
};
