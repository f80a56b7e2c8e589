/** What a secret value is replaced with. */
export const SECRET_MASK = '••••';

/**
 * Replaces every occurrence of each secret in `text` with `••••`. Besides the raw value it also
 * masks the value as it appears inside JSON (escaped quotes, backslashes, control characters),
 * because logged objects are JSON-formatted. Empty secrets are ignored; longer secrets are masked
 * first so one secret containing another is hidden whole.
 */
export function maskSecrets(text: string, secretValues: Iterable<string>): string {
  let masked = text;
  for (const needle of needlesOf(secretValues)) masked = masked.split(needle).join(SECRET_MASK);
  return masked;
}

/** `maskSecrets` applied to every string (not key) inside a JSON-like value. */
export function maskSecretsDeep(value: unknown, secretValues: readonly string[]): unknown {
  if (secretValues.length === 0) return value;
  if (typeof value === 'string') return maskSecrets(value, secretValues);
  if (Array.isArray(value)) return value.map((item) => maskSecretsDeep(item, secretValues));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, maskSecretsDeep(item, secretValues)]),
    );
  }
  return value;
}

function needlesOf(secretValues: Iterable<string>): string[] {
  const needles = new Set<string>();
  for (const secret of secretValues) {
    if (secret.length === 0) continue;
    needles.add(secret);
    needles.add(JSON.stringify(secret).slice(1, -1));
  }
  return [...needles].sort((a, b) => b.length - a.length);
}
