import type { Migration } from '../migrate';

/**
 * Forwarding's share of the ingest write. A delivery row touches four B-trees (the table,
 * by event, by destination, due) and checks two foreign keys; each of those B-trees puts one more
 * page in every ingest commit — ~14 µs per event at the receiver's usual batch of 8, a tenth of
 * what an event costs. The event's transaction now writes one small row here instead (one B-tree,
 * appended in event order, no foreign keys), and the delivery service turns these rows into
 * deliveries in its own transactions, in order, when the receiver is not busy. Durable all the
 * same: a row here is a delivery that exists, whatever happens after the commit.
 */
export const deliveryOutbox: Migration = {
  version: 12,
  name: 'delivery-outbox',
  up(db) {
    db.exec(`
      -- A delivery written with its event, not queued yet; n: the destination's place among the
      -- event's matching ones (the first is the one passthrough answers with). Rows whose event or
      -- destination was deleted meanwhile are dropped when queued (no foreign keys to check at ingest).
      CREATE TABLE delivery_outbox (
        event_id       INTEGER NOT NULL,
        n              INTEGER NOT NULL,
        destination_id TEXT NOT NULL,
        PRIMARY KEY (event_id, n)
      ) WITHOUT ROWID;
    `);
  },
};
