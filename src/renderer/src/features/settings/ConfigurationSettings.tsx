import { ConfigExportForm } from './ConfigExportForm';
import { ConfigImportForm } from './ConfigImportForm';

/** Configuration as a file: export sources, mappings, environments and workflows; import them elsewhere. */
export function ConfigurationSettings() {
  return (
    <section className="card settings-card" aria-labelledby="settings-configuration" data-testid="settings-configuration">
      <h2 className="card__title" id="settings-configuration">
        Configuration
      </h2>
      <p className="field__help">Move sources with their settings and mappings to another machine, or share them with a colleague. Endpoint URLs are never exported: an import gets new ones.</p>
      <ConfigExportForm />
      <div className="settings-divider" />
      <ConfigImportForm />
    </section>
  );
}
