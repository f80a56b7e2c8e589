import type { FieldShape } from '../../../../shared/domain/shape';

/** "present in 98% of 1,204 events": how usual a field is, as completion and the fields view say it. */
export function presenceLabel(field: Pick<FieldShape, 'seen'>, eventCount: number): string {
  const share = eventCount === 0 ? 0 : field.seen / eventCount;
  // 1,203 of 1,204 is not "100%": only a field in every event says so.
  const percent = field.seen === eventCount ? 100 : Math.min(99, Math.round(share * 100));
  return `present in ${percent}% of ${eventCount.toLocaleString('en-US')} event${eventCount === 1 ? '' : 's'}`;
}

/** The field's types, most recent last: "string → number" after a change. */
export const typesLabel = (field: Pick<FieldShape, 'types'>): string =>
  [...field.types].sort((a, b) => a.lastSeen - b.lastSeen).map((t) => t.type).join(' → ');

/** A path with array items as `[0]`, the way a parameter reads the first item. */
export const insertablePath = (path: string): string => path.replaceAll('[*]', '[0]');
