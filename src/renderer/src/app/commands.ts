import type { Command } from '../components/CommandPalette';
import { samplesByRelevance } from '../features/templates/gallery-filter';
import { publicEndpointUrl } from '../features/tunnel/public-url';
import { endpointUrl } from '../lib/format';
import { describeApiError } from '../lib/errors';
import type { View } from './app.slice';
import type { AppStore } from './store';

/** What the palette's host offers commands that act on the palette's surroundings. */
export interface CommandUi {
  showShortcuts(): void;
  /** A short confirmation or error, announced politely. */
  notify(message: string): void;
}

const PAGES: ReadonlyArray<[View, string]> = [
  ['sources', 'Sources'],
  ['gallery', 'Integrations'],
  ['log', 'Log'],
  ['workspace', 'Workspace'],
  ['settings', 'Settings'],
];

/** Every command that applies right now: the current source's first, then navigation and the rest. */
export function buildCommands(store: AppStore, ui: CommandUi): Command[] {
  const s = store.getState();
  const openSource = (id: string, tab: 'mappings' | 'logs' | 'settings') => store.setState({ view: 'sources', sourceCreating: false, selectedSourceId: id, sourceTab: tab });
  const commands: Command[] = [];
  const current = s.view === 'sources' && !s.sourceCreating ? s.sources.find((x) => x.id === s.selectedSourceId) : undefined;

  if (current) {
    const settings = current.settings.find((x) => x.environment === s.currentEnv);
    if (s.templateBrands[current.templateId] && s.currentEnv) {
      const environment = s.currentEnv;
      const templateId = current.templateId;
      commands.push({
        id: 'send-test',
        label: `Send a test event to ${current.name}`,
        group: 'Source',
        run: () => {
          void (async () => {
            try {
              const template = await store.getState().loadTemplate(templateId);
              const mapped = store.getState().mappingsSourceId === current.id ? store.getState().mappings.map((m) => m.eventType) : [];
              const sample = samplesByRelevance(template, mapped)[0];
              if (!sample) return ui.notify(`${current.name} has no sample events to send.`);
              const result = await store.getState().sendTestEvent({ sourceId: current.id, environment, sample: { sampleId: sample.id } });
              ui.notify(result.ok ? `Sent a test ${sample.eventType} to ${current.name}.` : describeApiError(result.error));
              if (result.ok) openSource(current.id, 'logs');
            } catch (error) {
              ui.notify(error instanceof Error ? error.message : String(error));
            }
          })();
        },
      });
    }
    if (settings && s.info) {
      const url = publicEndpointUrl(s.tunnel, settings.endpointToken) ?? endpointUrl(s.info.receiverUrl, settings.endpointToken);
      commands.push({
        id: 'copy-url',
        label: `Copy the URL of ${current.name}`,
        group: 'Source',
        run: () => navigator.clipboard.writeText(url).then(() => ui.notify(`Copied ${url}`), () => ui.notify('The clipboard refused; copy the URL from the Settings tab.')),
      });
    }
  }

  for (const [view, label] of PAGES) commands.push({ id: `page-${view}`, label: `Go to ${label}`, group: 'Navigation', run: () => s.setView(view) });
  commands.push({ id: 'new-source', label: 'New source…', group: 'Sources', run: () => s.setView('gallery') });
  for (const source of s.sources) {
    commands.push({ id: `source-${source.id}`, label: `Go to source: ${source.name}`, group: 'Sources', run: () => openSource(source.id, 'mappings') });
    commands.push({ id: `log-${source.id}`, label: `Go to log: ${source.name}`, group: 'Sources', run: () => openSource(source.id, 'logs') });
  }

  const running = s.tunnel.state !== 'stopped' && s.tunnel.state !== 'error';
  commands.push(
    running
      ? { id: 'tunnel-stop', label: 'Stop the tunnel', group: 'Tunnel', run: () => void s.stopTunnel() }
      : { id: 'tunnel-start', label: 'Start the tunnel', group: 'Tunnel', run: () => void s.startTunnel() },
  );
  for (const env of s.environments) {
    if (env.key !== s.currentEnv) commands.push({ id: `env-${env.key}`, label: `Switch to environment: ${env.name}`, group: 'Environment', run: () => s.selectEnvironment(env.key) });
  }
  commands.push({
    id: 'live-pause',
    label: s.livePaused ? 'Resume live updates of the log' : 'Pause live updates of the log',
    group: 'Log',
    run: () => s.setLivePaused(!s.livePaused),
  });
  commands.push({ id: 'shortcuts', label: 'Show keyboard shortcuts', group: 'Help', run: ui.showShortcuts });
  return commands;
}
