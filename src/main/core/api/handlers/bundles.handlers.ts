import { ApiFailure } from '../../../../shared/api/result';
import { bracketPath, readBundle, type Bundle } from '../../../../shared/domain/bundle';
import type { RedactionChange } from '../../../../shared/domain/redaction';
import { exportBundle } from '../../bundles/export-bundle';
import { importBundle } from '../../bundles/import-bundle';
import { planBundle } from '../../bundles/plan';
import { redactWorkspaceValue } from '../../bundles/redact-workspace';
import { exportConfig } from '../../portability/export-config';
import { importConfig } from '../../portability/import-config';
import { createRedactor } from '../../redaction';
import type { CoreContext, PipelineServices } from '../../context';
import type { Handlers } from '../dispatcher';

type BundleHandlers = Pick<Handlers, 'bundles.export' | 'bundles.preview' | 'bundles.import' | 'config.export' | 'config.import'>;

/** Changes kept for review: enough to see what a rule does without carrying every one. */
const FIRST_CHANGES = 200;

/** The file as a bundle, or a refusal naming the first field at fault the way the file reads (`sources[1].mappings[0].eventType`). */
function mustRead(file: unknown): Bundle {
  const read = readBundle(file);
  if (read.ok) return read.bundle;
  const [first] = read.issues;
  const more = read.issues.length > 1 ? ` (and ${read.issues.length - 1} more)` : '';
  const where = first && first.path.length > 0 ? `${bracketPath(first.path)}: ` : '';
  throw new ApiFailure('invalid_input', `This file is not a bundle Inlet can read: ${where}${first?.message ?? 'invalid'}${more}`, read.issues.map((i) => ({ path: ['file', ...i.path], message: i.message })));
}

export function bundleHandlers(ctx: CoreContext, services: PipelineServices): BundleHandlers {
  return {
    'bundles.export': ({ redaction, ...options }) => {
      const changes: RedactionChange[] = [];
      let count = 0;
      const redactor = redaction && createRedactor(redaction);
      const keep = (found: RedactionChange[]) => {
        count += found.length;
        for (const c of found) if (changes.length < FIRST_CHANGES) changes.push(c);
      };
      const redact = redactor
        ? (r: { headers: Record<string, string>; body: string; query: string; bodyEncoding: 'utf8' | 'base64' }) => {
            const result = redactor.request(r);
            keep(result.changes);
            return { ...result.request, redacted: result.redacted };
          }
        : undefined;
      const redactValue = redactor ? redactWorkspaceValue(redactor, keep) : undefined;
      const bundle = exportBundle(ctx, { ...options, redact, redactValue });
      return { bundle, redactions: { count, first: changes } };
    },
    'bundles.preview': ({ file, onConflict }) => planBundle(ctx, mustRead(file), onConflict),
    'bundles.import': ({ file, passphrase, choices, onConflict }) => importBundle(ctx, services.queue, mustRead(file), { passphrase, choices, onConflict }),
    'config.export': (options) => exportConfig(ctx, options),
    'config.import': ({ file, onConflict, passphrase }) => importConfig(ctx, mustRead(file), onConflict, passphrase),
  };
}
