import type { Diagnosis } from '../../../shared/domain/verification';
import { nestedDeeperThan } from '../../../shared/json/nesting';
import { secretKindHints } from './secret-kind';
import type { Probe, SchemeOutcome, VerifyInput } from './types';

type Failure = Extract<SchemeOutcome, { ok: false }>;
type Hint = Diagnosis['hints'][number];

/** Re-serialisations that servers, proxies and replay tools commonly produce from a parsed body. */
const RESERIALIZATIONS: readonly { label: string; indent: number }[] = [
  { label: 'compact JSON', indent: 0 },
  { label: 'JSON pretty-printed with 2 spaces', indent: 2 },
  { label: 'JSON pretty-printed with 4 spaces', indent: 4 },
];

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function reserializedHint(probe: Probe, input: VerifyInput): Hint | undefined {
  if (!probe.coversBody || input.request.rawBody.length === 0) return undefined;
  // Re-serialising walks the whole value: a body nested past the parse limit gets no such hint.
  if (nestedDeeperThan(input.request.rawBody)) return undefined;
  const raw = input.request.rawBody.toString('utf8');
  const parsed = parseJson(raw);
  if (!parsed.ok) return undefined;
  const secrets = input.secrets.map((s) => s.value);
  for (const { label, indent } of RESERIALIZATIONS) {
    const text = JSON.stringify(parsed.value, null, indent);
    if (text === raw || !probe.matches(Buffer.from(text, 'utf8'), secrets)) continue;
    return {
      code: 'reserialized_body',
      message:
        `The signature matches the body re-serialised as ${label}, not the bytes that arrived: something between ` +
        'the sender and Inlet (a proxy, a body parser, a replay tool) parsed and rewrote the JSON. Forward the raw body unchanged.',
    };
  }
  return undefined;
}

function otherEnvironmentHints(probe: Probe, input: VerifyInput): Hint[] {
  const hints: Hint[] = [];
  for (const env of input.otherEnvironments ?? []) {
    if (env.secrets.length === 0 || !probe.matches(input.request.rawBody, env.secrets)) continue;
    hints.push({
      code: 'other_environment',
      message:
        `The request matches the secret of this source's ${env.environment} environment: the sender is set up with ` +
        `${env.environment}'s secret, so either give it this environment's secret or point it at ${env.environment}'s URL.`,
    });
  }
  return hints;
}

/** Turns a failed check into a diagnosis, adding hints about what would have matched. */
export function diagnose(failure: Failure, input: VerifyInput): Diagnosis {
  const hints: Hint[] = [];
  if (failure.code === 'no_match') {
    for (const message of secretKindHints(input.config, input.secrets.map((s) => s.value)))
      hints.push({ code: 'secret_kind', message });
    if (failure.probe) {
      const reserialized = reserializedHint(failure.probe, input);
      if (reserialized) hints.push(reserialized);
      hints.push(...otherEnvironmentHints(failure.probe, input));
    }
  }
  hints.push(...(failure.hints ?? []));
  const diagnosis: Diagnosis = { code: failure.code, message: failure.message, hints };
  if (failure.header !== undefined) diagnosis.header = failure.header;
  if (failure.skewSeconds !== undefined) diagnosis.skewSeconds = failure.skewSeconds;
  return diagnosis;
}

/** The diagnosis when there is nothing to check against. */
export function noSecretDiagnosis(): Diagnosis {
  return {
    code: 'no_secret',
    message: "No secret is configured for this environment, so the signature can't be checked. Add the sender's signing secret in Settings.",
    hints: [],
  };
}
