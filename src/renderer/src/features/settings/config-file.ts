/** The file's JSON, or why it can't be a bundle before asking the core (which names fields at fault). */
export function readBundleText(text: string): { ok: true; json: unknown } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `The file is not JSON: ${(error as Error).message}` };
  }
  if (Array.isArray(value)) return { ok: false, error: 'This looks like a file of captured requests: import it from the Log page (Import…).' };
  const format = typeof value === 'object' && value !== null ? (value as { format?: unknown }).format : undefined;
  if (format !== 'inlet.bundle' && format !== 'inlet.config') {
    return { ok: false, error: 'This is not an Inlet bundle (it has no "format": "inlet.bundle", or "inlet.config" for an older configuration file).' };
  }
  return { ok: true, json: value };
}

/** `inlet-bundle-2026-11-26.json`, in the local date. */
export function bundleFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `inlet-bundle-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
