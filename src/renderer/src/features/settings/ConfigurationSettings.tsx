import { ConfigExportForm } from './ConfigExportForm';
import { ConfigImportForm } from './ConfigImportForm';

/** Bundles: export sources, mappings, workflows, destinations, fixtures and a log slice as one file; import them elsewhere. */
export function ConfigurationSettings() {
  return (
    <section className="card settings-card" aria-labelledby="settings-configuration" data-testid="settings-configuration">
      <h2 className="card__title" id="settings-configuration">
        Configuration and bundles
      </h2>
      <p className="field__help">Carry a demo to another machine, or share it with a colleague: sources with their settings and mappings, workflows, destinations, fixtures and recent events in one file. Endpoint URLs are never exported: an import gets new ones.</p>
      <ConfigExportForm />
      <div className="settings-divider" />
      <ConfigImportForm />
    </section>
  );
}
