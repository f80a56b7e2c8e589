import type { Destination } from '../../../../shared/domain/destination';

export interface ForwardingTrouble {
  /** Where the badge leads: a failing destination first, else the one holding the most. */
  first: Destination;
  /** Destinations failing (their last attempt was not accepted). */
  failing: number;
  /** Events held, over every destination. */
  held: number;
  names: string[];
}

/** What the frame's badge says; null when every destination delivers (or holds nothing). */
export function forwardingTrouble(destinations: readonly Destination[]): ForwardingTrouble | null {
  const failing = destinations.filter((d) => d.health === 'failing');
  const holding = destinations.filter((d) => d.counts.held > 0).sort((a, b) => b.counts.held - a.counts.held);
  const first = failing[0] ?? holding[0];
  if (!first) return null;
  const names = [...new Set([...failing, ...holding].map((d) => d.name))];
  return { first, failing: failing.length, held: holding.reduce((n, d) => n + d.counts.held, 0), names };
}
