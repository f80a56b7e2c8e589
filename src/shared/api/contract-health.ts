import { z } from 'zod';

/**
 * What the start-up integrity check of the database found. A file over the size checked before
 * the host answers is checked once it runs, so its damage is learned seconds after the UI opened:
 * `checking` until then, and a `health.changed` push when it ends badly.
 */
export const DatabaseHealthSchema = z.discriminatedUnion('state', [
  /** Checked and sound (or new). */
  z.object({ state: z.literal('sound') }),
  /** The check in the background has not answered yet. */
  z.object({ state: z.literal('checking') }),
  z.object({
    state: z.literal('damaged'),
    file: z.string(),
    /** One sentence: what is wrong and what it means while Inlet keeps running. */
    summary: z.string(),
    /** SQLite's own findings, at most a few. */
    problems: z.array(z.string()),
    /** The options of `inlet serve` that get out of it, as its usage names them. */
    waysOut: z.string(),
  }),
  z.object({
    state: z.literal('unchecked'),
    file: z.string(),
    /** One sentence, with why the check could not run. */
    summary: z.string(),
  }),
]);
export type DatabaseHealth = z.output<typeof DatabaseHealthSchema>;

export const HealthSchema = z.object({ database: DatabaseHealthSchema });

/** The state of the host's own data. Spread into `contract`. */
export const healthMethods = {
  'health.get': {
    summary:
      'Whether the database was found damaged: a large one is checked in the background after start, so this answers `checking` first; a damaged one comes with the ways out. Changes arrive as `health.changed`.',
    input: z.object({}).strict(),
    output: HealthSchema,
  },
} as const;

/** Spread into `pushEvents`. */
export const healthEvents = {
  /** The background check of the database ended with damage or could not run. */
  'health.changed': HealthSchema,
} as const;
