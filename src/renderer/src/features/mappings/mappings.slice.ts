import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { ApiError } from '../../../../shared/api/result';
import type { Mapping } from '../../../../shared/domain/mapping';
import type { AppState } from '../../app/store';
import { describeApiError, describeError } from '../../lib/errors';
import type { Rehearsal } from './mapping-samples.slice';
import { NO_KEYS, type WorkspaceKeys } from './key-options';
import { insertPath, type Caret } from './path-insert';
import { withOverride } from '../../../../shared/domain/mapping-overrides';
import { draftFingerprint, draftInput, draftOf, fieldErrorsFromIssues, paramsFor, validateDraft, type FieldErrors, type MappingDraft } from './mapping-draft';
import { fetchWorkspaceKeys, type WorkflowsByEnv } from './workspace-keys';

export interface MappingsSlice {
  mappings: Mapping[];
  /** The source whose mappings are loaded. */
  mappingsSourceId: string | null;
  mappingsStatus: 'idle' | 'loading' | 'error';
  mappingsError: string | null;
  draft: MappingDraft | null;
  /** Fingerprint of the draft as last saved (or as opened), for "unsaved changes". */
  draftBaseline: string;
  draftErrors: FieldErrors;
  /** The host's refusal of the last save, as it came (code, message, issues); null once edited or saved. */
  draftFailure: ApiError | null;
  draftSaving: boolean;
  /** The parameter that receives a path clicked in the payload tree, and where its caret was. */
  focusedParam: string | null;
  focusedCaret: Caret | null;
  /** Set by "pick from sample": the parameter the tree fills, kept while Tab moves focus to the tree. */
  pickTarget: string | null;
  /** Workflow, audience and collection names known to the current environment's workspace. */
  workspaceKeys: WorkspaceKeys;
  /** Every environment's workflow keys, to flag a trigger whose workflow one of them lacks. */
  workflowsByEnv: WorkflowsByEnv;
  /** The environment whose parameters the editor shows and edits; null for the shared values. */
  editingEnv: string | null;
  /** Set when saving found that every recent event fails the draft; the editor asks before saving. */
  saveWarning: { total: number; reasons: string[] } | null;
  /** A mapping to open once its source's mappings load (set by a link from elsewhere). */
  pendingMappingId: string | null;
  loadMappings(sourceId: string): Promise<void>;
  selectMapping(id: string): void;
  /** Goes to a source's Mappings tab with one mapping open, e.g. from an action run in the log. */
  openMapping(sourceId: string, mappingId: string): void;
  newMapping(eventType?: string): void;
  duplicateMapping(id: string): void;
  deleteMapping(id: string): Promise<boolean>;
  setMappingActive(id: string, environment: string, active: boolean): Promise<void>;
  editDraft(patch: Partial<Omit<MappingDraft, 'id'>>): void;
  /** Sets a parameter: the shared value, or the override of `editingEnv` when one is chosen. */
  setParam(name: string, source: string): void;
  /** Removes `editingEnv`'s override of a parameter, so it runs with the shared value again. */
  resetParam(name: string): void;
  setEditingEnv(environment: string | null): void;
  focusParam(name: string | null, caret?: Caret | null): void;
  startPick(name: string, caret: Caret | null): void;
  endPick(): void;
  loadWorkspaceKeys(): Promise<void>;
  /** Creates a workflow the draft names but an environment (the current one by default) lacks, then refreshes the known keys. */
  createWorkflowForKey(key: string, environment?: string): Promise<void>;
  /** Fills the focused parameter with a path; returns where its caret should land, or null. */
  insertPathIntoFocused(path: string): { param: string; caret: number } | null;
  /** Saves after testing the draft on recent events; `force` saves even if every one fails. */
  saveDraft(options?: { force?: boolean }): Promise<boolean>;
  dismissSaveWarning(): void;
  discardDraft(): void;
}

export const isDraftDirty = (s: Pick<MappingsSlice, 'draft' | 'draftBaseline'>): boolean =>
  s.draft !== null && (s.draft.id === undefined || draftFingerprint(s.draft) !== s.draftBaseline);

/** How many recent events a save is tested against. */
export const REHEARSE_ON_SAVE = 20;

/** When every tested event fails the draft: how many, and the distinct reasons; null otherwise. */
export const everyRecentEventFails = (r: Rehearsal | null): { total: number; reasons: string[] } | null => {
  if (!r || r.total === 0 || r.failed < r.total) return null;
  const reasons = r.results.flatMap((x) => [...x.outcome.plan.errors, ...x.outcome.run.errors].map((e) => e.message));
  return { total: r.total, reasons: [...new Set(reasons)].slice(0, 3) };
};

const byPosition = (a: Mapping, b: Mapping) => a.position - b.position || a.createdAt - b.createdAt;

export const createMappingsSlice =
  (api: ApiClient): StateCreator<AppState, [], [], MappingsSlice> =>
  (set, get) => {
    let generation = 0;
    const open = (draft: MappingDraft | null) =>
      set({ draft, draftBaseline: draft?.id ? draftFingerprint(draft) : '', draftErrors: {}, draftFailure: null, focusedParam: null, focusedCaret: null, pickTarget: null, saveWarning: null, rehearsal: null });
    const nextPosition = () => Math.max(0, ...get().mappings.map((m) => m.position + 1));
    const replace = (m: Mapping) => {
      const rest = get().mappings.filter((x) => x.id !== m.id);
      set({ mappings: [...rest, m].sort(byPosition) });
    };

    return {
      mappings: [],
      mappingsSourceId: null,
      mappingsStatus: 'idle',
      mappingsError: null,
      draft: null,
      draftBaseline: '',
      draftErrors: {},
      draftFailure: null,
      draftSaving: false,
      focusedParam: null,
      focusedCaret: null,
      pendingMappingId: null,
      pickTarget: null,
      workspaceKeys: NO_KEYS,
      workflowsByEnv: {},
      editingEnv: null,
      saveWarning: null,
      async loadMappings(sourceId) {
        const mine = ++generation;
        const switching = get().mappingsSourceId !== sourceId;
        set({ mappingsStatus: 'loading', mappingsError: null, mappingsSourceId: sourceId, ...(switching ? { mappings: [] } : {}) });
        if (switching) open(null);
        try {
          const mappings = (await api.call('mappings.list', { sourceId })).sort(byPosition);
          if (mine !== generation) return;
          set({ mappings, mappingsStatus: 'idle' });
          const { draft, pendingMappingId } = get();
          if (pendingMappingId !== null) {
            set({ pendingMappingId: null });
            if (mappings.some((m) => m.id === pendingMappingId)) return get().selectMapping(pendingMappingId);
          }
          if (draft === null && mappings[0]) get().selectMapping(mappings[0].id);
          // A mapping deleted elsewhere closes; one changed elsewhere refreshes unless edited here.
          if (draft?.id && !mappings.some((m) => m.id === draft.id)) open(null);
          else if (draft?.id && !isDraftDirty(get())) {
            const fresh = mappings.find((m) => m.id === draft.id);
            if (fresh) set({ draft: draftOf(fresh), draftBaseline: draftFingerprint(draftOf(fresh)) });
          }
        } catch (error) {
          if (mine === generation) set({ mappingsStatus: 'error', mappingsError: describeError(error) });
        }
      },
      selectMapping(id) {
        const m = get().mappings.find((x) => x.id === id);
        if (!m) return;
        open(draftOf(m));
        void get().refreshSamples();
      },
      openMapping(sourceId, mappingId) {
        const loaded = get().mappingsSourceId === sourceId && get().mappings.some((m) => m.id === mappingId);
        set({ selectedSourceId: sourceId, sourceTab: 'mappings', pendingMappingId: loaded ? null : mappingId });
        get().setView('sources');
        if (loaded) get().selectMapping(mappingId);
      },
      newMapping(eventType) {
        const type = eventType ?? get().recentSourceEvents.find((e) => e.eventType)?.eventType ?? '';
        open({ eventType: type, actionType: 'users_identify', params: {}, activeIn: get().environments.map((e) => e.key), position: nextPosition() });
        void get().refreshSamples();
      },
      duplicateMapping(id) {
        const m = get().mappings.find((x) => x.id === id);
        if (!m) return;
        const { id: _drop, ...copy } = draftOf(m);
        open({ ...copy, position: nextPosition() });
      },
      async deleteMapping(id) {
        try {
          await api.call('mappings.delete', { id });
          generation++;
          set({ mappings: get().mappings.filter((m) => m.id !== id) });
          if (get().draft?.id === id) open(null);
          return true;
        } catch (error) {
          set({ mappingsError: describeError(error) });
          return false;
        }
      },
      async setMappingActive(id, environment, active) {
        const m = get().mappings.find((x) => x.id === id);
        if (!m) return;
        const activeIn = active ? [...new Set([...m.activeIn, environment])] : m.activeIn.filter((e) => e !== environment);
        try {
          const saved = await api.call('mappings.update', { id, activeIn });
          generation++;
          replace(saved);
          const { draft } = get();
          // The switch saves at once; an open draft of the same mapping follows without losing edits.
          if (draft?.id === id) {
            const dirty = isDraftDirty(get());
            set({ draft: { ...draft, activeIn: saved.activeIn } });
            if (!dirty) set({ draftBaseline: draftFingerprint(get().draft) });
          }
        } catch (error) {
          set({ mappingsError: describeError(error) });
        }
      },
      editDraft(patch) {
        const { draft } = get();
        if (!draft) return;
        set({ draft: { ...draft, ...patch }, draftErrors: {}, draftFailure: null });
        if (patch.eventType !== undefined && patch.eventType !== draft.eventType) void get().refreshSamples();
      },
      setParam(name, source) {
        const { draft, draftErrors, editingEnv } = get();
        if (!draft) return;
        const { [`params.${name}`]: _gone, ...rest } = draftErrors;
        const next = editingEnv === null
          ? { ...draft, params: { ...draft.params, [name]: source } }
          : { ...draft, overrides: withOverride(draft, editingEnv, name, source) };
        set({ draft: next, draftErrors: rest, draftFailure: null });
      },
      resetParam(name) {
        const { draft, editingEnv } = get();
        if (!draft || editingEnv === null) return;
        set({ draft: { ...draft, overrides: withOverride(draft, editingEnv, name, undefined) }, draftFailure: null });
      },
      setEditingEnv: (editingEnv) => set({ editingEnv }),
      focusParam(name, caret = null) {
        // Tabbing through other fields on the way to the tree must not move a pinned pick target.
        const pinned = get().pickTarget;
        if (pinned !== null && name !== pinned) return;
        set({ focusedParam: name, focusedCaret: caret });
      },
      startPick: (name, caret) => set({ pickTarget: name, focusedParam: name, focusedCaret: caret }),
      endPick: () => set({ pickTarget: null }),
      async loadWorkspaceKeys() {
        const environment = get().currentEnv;
        if (environment === null) return;
        try {
          set(await fetchWorkspaceKeys(api, environment, get().environments.map((e) => e.key)));
        } catch {
          // Suggestions only: typing a key by hand still works.
        }
      },
      async createWorkflowForKey(key, environment = get().currentEnv ?? undefined) {
        if (environment === undefined) return;
        const result = await api.result('workflows.create', { environment, key });
        // A workflow created meanwhile (conflict) is what we wanted too.
        if (result.ok || result.error.code === 'conflict') await get().loadWorkspaceKeys();
      },
      insertPathIntoFocused(path) {
        const { draft, focusedParam, focusedCaret } = get();
        if (!draft || !focusedParam) return null;
        const next = insertPath(paramsFor(draft, get().editingEnv)[focusedParam] ?? '', path, focusedCaret);
        get().setParam(focusedParam, next.source);
        set({ focusedCaret: { start: next.caret, end: next.caret } });
        return { param: focusedParam, caret: next.caret };
      },
      dismissSaveWarning: () => set({ saveWarning: null }),
      async saveDraft(options = {}) {
        const { draft, mappingsSourceId: sourceId } = get();
        if (!draft || !sourceId) return false;
        const local = validateDraft(draft, sourceId);
        if (Object.keys(local).length > 0) {
          set({ draftErrors: local });
          return false;
        }
        set({ draftSaving: true, draftErrors: {}, draftFailure: null, saveWarning: null });
        if (!options.force) {
          const warning = everyRecentEventFails(await get().rehearseDraft(REHEARSE_ON_SAVE));
          if (warning) {
            set({ draftSaving: false, saveWarning: warning });
            return false;
          }
        }
        const { sourceId: _s, ...fields } = draftInput(draft, sourceId);
        const result = draft.id
          ? // mappings.update keeps a field it is not given: a removed condition is sent as null.
            await api.result('mappings.update', { id: draft.id, ...fields, condition: draft.condition ?? null })
          : await api.result('mappings.create', { sourceId, ...fields });
        if (!result.ok) {
          // Issues land at the fields they name; a refusal naming none is shown whole.
          const fieldErrors = fieldErrorsFromIssues(result.error.issues ?? []);
          const errors = Object.keys(fieldErrors).length > 0 ? fieldErrors : { _: describeApiError(result.error) };
          set({ draftSaving: false, draftErrors: errors, draftFailure: result.error });
          return false;
        }
        const saved = result.value;
        generation++;
        replace(saved);
        // Keep what was typed (including unmapped, empty inputs) but mark it saved.
        const kept = { ...get().draft, ...draftOf(saved), params: { ...get().draft?.params, ...saved.params }, overrides: saved.overrides ?? {} };
        set({ draft: kept, draftBaseline: draftFingerprint(kept), draftSaving: false });
        return true;
      },
      discardDraft() {
        const { draft, mappings } = get();
        const saved = draft?.id ? mappings.find((m) => m.id === draft.id) : undefined;
        if (saved) open(draftOf(saved));
        else if (mappings[0]) get().selectMapping(mappings[0].id);
        else open(null);
      },
    };
  };
