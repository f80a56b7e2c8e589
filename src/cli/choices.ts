import type { CaptureFormat } from '../shared/api/contract-captures';
import type { ActionStatus, Origin } from '../shared/domain/event';
import type { VerificationStatus } from '../shared/domain/verification';

/**
 * The values of a few contract enums, as plain lists for options' `choices`: reading them from the
 * zod schemas would load zod (about a third of the start time) for every command and `--help`.
 * `Exactly` makes a list that misses a value, or has one too many, a compile error.
 */
type Exactly<List extends readonly string[], Union extends string> = [Union] extends [List[number]] ? ([List[number]] extends [Union] ? List : never) : never;
const exactly = <Union extends string>() => <const List extends readonly string[]>(list: Exactly<List, Union>): List => list;

export const VERIFICATION_CHOICES = exactly<VerificationStatus>()(['verified', 'failed', 'unverified']);
export const ORIGIN_CHOICES = exactly<Origin>()(['received', 'test', 'replay', 'import']);
export const ACTION_STATUS_CHOICES = exactly<ActionStatus>()(['success', 'error', 'partial', 'skipped', 'no_mapping']);
export const CAPTURE_FORMAT_CHOICES = exactly<CaptureFormat>()(['inlet', 'jsonl', 'har', 'curl', 'stripe', 'http']);
