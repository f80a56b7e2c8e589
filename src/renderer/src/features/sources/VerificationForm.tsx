import type { Source, SourceEnvSettings } from '../../../../shared/domain/source';
import { useApp } from '../../app/store-context';
import { sameConfig } from '../../lib/same-config';
import { errorText } from '../../lib/errors';

interface Props {
  source: Source;
  settings: SourceEnvSettings;
  onError(message: string | null): void;
}

const NONE = '__none';
const CUSTOM = '__custom';

/** Picks a verification preset; the preset's config is copied into the source's settings. */
export function VerificationForm({ source, settings, onError }: Props) {
  const presets = useApp((s) => s.presets);
  const patch = useApp((s) => s.patchEnvSettings);
  const current = presets.find((p) => sameConfig(p.config, settings.verification));
  const hasNonePreset = presets.some((p) => p.config.scheme === 'none');
  const value = current?.id ?? (settings.verification.scheme === 'none' ? NONE : CUSTOM);

  const choose = async (id: string) => {
    const verification = id === NONE ? ({ scheme: 'none' } as const) : presets.find((p) => p.id === id)?.config;
    if (!verification) return;
    const result = await patch(source.id, settings.environment, { verification });
    onError(errorText(result));
  };

  return (
    <div className="field">
      <label htmlFor="verification-preset">Signature scheme</label>
      <select
        id="verification-preset"
        className="select"
        value={value}
        data-testid="verification-preset"
        aria-describedby="verification-preset-help"
        onChange={(e) => void choose(e.target.value)}
      >
        {!hasNonePreset && <option value={NONE}>None (accept unsigned requests)</option>}
        {value === CUSTOM && (
          <option value={CUSTOM} disabled>
            Custom configuration ({settings.verification.scheme})
          </option>
        )}
        {presets.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <p id="verification-preset-help" className="field__help">
        {current?.description ?? (value === NONE ? 'Events are logged as unverified.' : 'Set through the API or an import.')}
      </p>
    </div>
  );
}
