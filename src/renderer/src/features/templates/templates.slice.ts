import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { ApiInput, ApiOutput } from '../../../../shared/api/contract';
import { ok, type ApiResult } from '../../../../shared/api/result';
import type { Source } from '../../../../shared/domain/source';
import type { Template, TemplateSummary } from '../../../../shared/domain/template';
import { describeError } from '../../lib/errors';
import type { AppState } from '../../app/store';
import type { TemplateCategory } from './gallery-filter';

export type SecretCheck = ApiOutput<'templates.checkSecret'>;
export type SendTestAnswer = ApiOutput<'events.sendTest'>;

/** `sources.connect` plus the preprocess variables to set afterwards, per environment and name. */
export type ConnectRequest = ApiInput<'sources.connect'> & { vars?: Record<string, Record<string, string>>; secretVars?: readonly string[] };

/** A connect that failed after the source was created (a variable not saved) still returns the source. */
export type ConnectResult = ApiResult<{ source: Source; warnings: string[] }>;
export type SendTestResult = ApiResult<SendTestAnswer>;

export interface TemplatesSlice {
  templates: TemplateSummary[];
  templatesStatus: 'idle' | 'loading' | 'error';
  templatesError: string | null;
  /** Full templates fetched so far, by id (they never change while the app runs). */
  templateDetails: Record<string, Template>;
  templateQuery: string;
  templateCategory: TemplateCategory | 'all';
  /** The template whose connect dialog is open. */
  connectTemplateId: string | null;
  loadTemplates(): Promise<void>;
  /** The full template, from the cache when fetched before; throws when the host refuses. */
  loadTemplate(id: string): Promise<Template>;
  setTemplateQuery(query: string): void;
  setTemplateCategory(category: TemplateCategory | 'all'): void;
  openConnect(templateId: string): void;
  closeConnect(): void;
  /** A check that could not be made counts as passing: the host checks again on connect. */
  checkTemplateSecret(templateId: string, secret: string): Promise<SecretCheck>;
  /** Creates the source, sets its variables, lists and selects it. */
  connectTemplate(request: ConnectRequest): Promise<ConnectResult>;
  sendTestEvent(input: ApiInput<'events.sendTest'>): Promise<SendTestResult>;
}

export const createTemplatesSlice =
  (api: ApiClient): StateCreator<AppState, [], [], TemplatesSlice> =>
  (set, get) => {
    const inFlight = new Map<string, Promise<Template>>();

    const setVars = async (source: Source, vars: ConnectRequest['vars'], secretVars: readonly string[] = []): Promise<string[]> => {
      const warnings: string[] = [];
      for (const [environment, byName] of Object.entries(vars ?? {})) {
        for (const [name, value] of Object.entries(byName)) {
          if (value === '') continue;
          try {
            await api.call('sources.setVar', { id: source.id, environment, name, value, ...(secretVars.includes(name) ? { secret: true } : {}) });
          } catch (error) {
            warnings.push(`${name} (${environment}) was not saved: ${describeError(error)}`);
          }
        }
      }
      return warnings;
    };

    return {
      templates: [],
      templatesStatus: 'idle',
      templatesError: null,
      templateDetails: {},
      templateQuery: '',
      templateCategory: 'all',
      connectTemplateId: null,
      async loadTemplates() {
        set({ templatesStatus: 'loading', templatesError: null });
        try {
          set({ templates: await api.call('templates.list', {}), templatesStatus: 'idle' });
        } catch (error) {
          set({ templatesStatus: 'error', templatesError: describeError(error) });
        }
      },
      loadTemplate(id) {
        const cached = get().templateDetails[id];
        if (cached) return Promise.resolve(cached);
        const pending =
          inFlight.get(id) ??
          api.call('templates.get', { id }).then(
            (template) => {
              inFlight.delete(id);
              set({ templateDetails: { ...get().templateDetails, [id]: template } });
              return template;
            },
            (error: unknown) => {
              inFlight.delete(id);
              throw error;
            },
          );
        inFlight.set(id, pending);
        return pending;
      },
      setTemplateQuery: (templateQuery) => set({ templateQuery }),
      setTemplateCategory: (templateCategory) => set({ templateCategory }),
      openConnect: (connectTemplateId) => set({ connectTemplateId }),
      closeConnect: () => set({ connectTemplateId: null }),
      async checkTemplateSecret(templateId, secret) {
        try {
          return await api.call('templates.checkSecret', { templateId, secret });
        } catch {
          return { ok: true };
        }
      },
      async connectTemplate({ vars, secretVars, ...input }) {
        const connected = await api.result('sources.connect', input);
        if (!connected.ok) return connected;
        const source = connected.value;
        const warnings = await setVars(source, vars, secretVars);
        await get().loadSources();
        get().selectSource(source.id);
        return ok({ source, warnings });
      },
      sendTestEvent: (input) => api.result('events.sendTest', input),
    };
  };
