import { ExportFileSchema, type ExportFile } from '../../../../shared/domain/export';

export interface ConfigFileSummary {
  sources: string[];
  environments: number;
  workflows: number;
  /** Environments of sources whose preprocess script will wait for approval. */
  scripts: number;
  /** Whether the file carries secrets (it was exported with "include secrets"). */
  secrets: boolean;
}

export type ConfigFileParse = { ok: true; file: ExportFile; summary: ConfigFileSummary } | { ok: false; error: string };

/** An exported configuration read back, with what is wrong in it named by its place in the file. */
export function parseConfigFile(text: string): ConfigFileParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `The file is not JSON: ${(error as Error).message}` };
  }
  if (Array.isArray(value)) return { ok: false, error: 'This looks like a file of captured requests: import it from the Log page (Import…).' };
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== 'inlet.config') {
    return { ok: false, error: 'This is not an Inlet configuration file (it has no "format": "inlet.config").' };
  }
  const parsed = ExportFileSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 4).map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'file'}: ${issue.message}`);
    const more = parsed.error.issues.length > 4 ? ` (and ${parsed.error.issues.length - 4} more)` : '';
    return { ok: false, error: `The file does not match the configuration format — ${problems.join('; ')}${more}.` };
  }
  const file = parsed.data;
  const settings = file.sources.flatMap((s) => s.settings);
  return {
    ok: true,
    file,
    summary: {
      sources: file.sources.map((s) => s.key),
      environments: file.environments.length,
      workflows: file.workflows.length,
      scripts: settings.filter((s) => s.preprocess !== null && s.preprocess.script.trim() !== '').length,
      secrets: settings.some((s) => (s.secrets?.length ?? 0) > 0 || s.vars.some((v) => v.secret && v.value !== null)),
    },
  };
}

/** `inlet-config-2026-11-26.json`, in the local date. */
export function configFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `inlet-config-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
