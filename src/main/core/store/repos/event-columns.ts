import { z } from 'zod';
import { ActionRunSchema, PreprocessOutputSchema } from '../../../../shared/domain/event';
import { VerificationResultSchema } from '../../../../shared/domain/verification';

/*
 * The events table's JSON columns, read back as models ("old row → model"). Only these are
 * checked: the scalar columns are typed by SQLite and the schema, and the log's list query reads
 * none of them.
 */
const COLUMNS = {
  headers: z.array(z.tuple([z.string(), z.string()])),
  verification_detail: VerificationResultSchema,
  preprocess_output: PreprocessOutputSchema,
  action_runs: z.array(ActionRunSchema.omit({ id: true, eventId: true })),
} as const;

type Column = keyof typeof COLUMNS;

/** A stored JSON column that is not what this version of Inlet writes (edited, or damaged on disk). */
export class DamagedEventError extends Error {
  constructor(
    readonly eventId: number,
    readonly column: Column,
    detail: string,
  ) {
    super(`Event ${eventId} cannot be read: its stored ${column} column ${detail}`);
    this.name = 'DamagedEventError';
  }
}

/** Parses and checks one JSON column of event `eventId`; throws DamagedEventError naming both. */
export function storedColumn<C extends Column>(eventId: number, column: C, text: string): z.output<(typeof COLUMNS)[C]> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DamagedEventError(eventId, column, `is not JSON (${(error as Error).message})`);
  }
  // Headers are read for every processed event: a plain check passes what Inlet wrote, zod explains the rest.
  if (column === 'headers' && isHeaderPairs(value)) return value as z.output<(typeof COLUMNS)[C]>;
  const parsed = COLUMNS[column].safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new DamagedEventError(eventId, column, `does not hold what Inlet writes${where}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data as z.output<(typeof COLUMNS)[C]>;
}

const isHeaderPairs = (value: unknown): value is Array<[string, string]> =>
  Array.isArray(value) && value.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string');
