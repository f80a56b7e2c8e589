/** A wall-clock deadline the interrupt handler polls; unarmed it never passes. */
export class Deadline {
  private at = Number.POSITIVE_INFINITY;

  /** Sets the deadline `ms` from now, replacing any earlier one. */
  arm(ms: number): void {
    this.at = performance.now() + ms;
  }

  passed(): boolean {
    return performance.now() > this.at;
  }
}
