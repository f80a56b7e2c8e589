import type { Migration } from '../migrate';

/**
 * Forwarding a backlog (held events released, an app back after a restart) in time proportional to
 * its size: the delivery queue asks for a destination's due deliveries by `next_at, id` and for its
 * earliest `next_at` after every attempt. With only (destination_id, status) indexed, each of those
 * sorted (or scanned) every pending delivery of the destination — quadratic over a backlog
 * (20,000 held events: a whole sort per delivery). This index answers both in order, at once.
 */
export const deliveryDueIndex: Migration = {
  version: 10,
  name: 'delivery-due-index',
  up(db) {
    db.exec(`CREATE INDEX deliveries_due ON deliveries (destination_id, next_at, id) WHERE status = 'pending';`);
  },
};
