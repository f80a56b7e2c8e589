import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import type { Workflow } from '../../../../shared/domain/workspace';
import { describeError } from '../../lib/errors';
import type { AppState } from '../../app/store';
import { filterWorkflows, PAGED_METHOD, toRows, workflowRow, type PagedTab, type WorkspaceRow, type WorkspaceTab } from './workspace-rows';

export const WORKSPACE_PAGE_SIZE = 100;
/** Processing pushes come in bursts (a replay, a batch); one refetch per burst is enough. */
export const WORKSPACE_REFRESH_DEBOUNCE_MS = 400;

/** null when it worked, else the reason in words. */
export type WorkspaceMutation = string | null;

export interface WorkspaceSlice {
  workspaceTab: WorkspaceTab;
  workspaceSearch: string;
  workspaceOffset: number;
  workspaceRows: WorkspaceRow[];
  workspaceTotal: number;
  workspaceStatus: 'idle' | 'loading' | 'error';
  workspaceError: string | null;
  /** The row open in the drawer, by key. */
  workspaceSelectedKey: string | null;
  workspaceWorkflows: Workflow[];
  /** The current tab's page for the current environment. A refresh keeps the rows on screen meanwhile. */
  loadWorkspace(options?: { quiet?: boolean }): Promise<void>;
  loadWorkspaceWorkflows(): Promise<void>;
  setWorkspaceTab(tab: WorkspaceTab): void;
  setWorkspaceSearch(search: string): void;
  setWorkspaceOffset(offset: number): void;
  selectWorkspaceRow(key: string | null): void;
  /** An event was processed: refetch (debounced) while the workspace is on screen. */
  scheduleWorkspaceRefresh(): void;
  resetWorkspace(): Promise<WorkspaceMutation>;
  createWorkspaceWorkflow(key: string, name?: string): Promise<WorkspaceMutation>;
  deleteWorkspaceWorkflow(key: string): Promise<WorkspaceMutation>;
}

export const createWorkspaceSlice =
  (api: ApiClient): StateCreator<AppState, [], [], WorkspaceSlice> =>
  (set, get) => {
    // Answers for a tab, page, search or environment the user already left must not land.
    let generation = 0;
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;

    const fetchPage = async <T extends PagedTab>(tab: T, environment: string): Promise<{ rows: WorkspaceRow[]; total: number }> => {
      const { workspaceSearch: search, workspaceOffset: offset } = get();
      const input = { environment, limit: WORKSPACE_PAGE_SIZE, offset, ...(search.trim() ? { search: search.trim() } : {}) };
      const method: (typeof PAGED_METHOD)[PagedTab] = PAGED_METHOD[tab];
      const page = await api.call(method, input);
      return { rows: toRows(tab, page.items as never), total: page.total };
    };

    const fetchWorkflows = async (environment: string) => {
      const workflows = await api.call('workflows.list', { environment });
      const rows = filterWorkflows(workflows, get().workspaceSearch).map(workflowRow);
      return { workflows, rows, total: rows.length };
    };

    const after = async (run: () => Promise<unknown>, reload: () => Promise<void>): Promise<WorkspaceMutation> => {
      try {
        await run();
      } catch (error) {
        return describeError(error);
      }
      await reload();
      return null;
    };

    return {
      workspaceTab: 'users',
      workspaceSearch: '',
      workspaceOffset: 0,
      workspaceRows: [],
      workspaceTotal: 0,
      workspaceStatus: 'idle',
      workspaceError: null,
      workspaceSelectedKey: null,
      workspaceWorkflows: [],
      async loadWorkspace(options = {}) {
        const environment = get().currentEnv;
        if (environment === null) return;
        const mine = ++generation;
        const tab = get().workspaceTab;
        set(options.quiet ? { workspaceError: null } : { workspaceStatus: 'loading', workspaceError: null });
        try {
          if (tab === 'workflows') {
            const { workflows, rows, total } = await fetchWorkflows(environment);
            if (mine === generation) set({ workspaceWorkflows: workflows, workspaceRows: rows, workspaceTotal: total, workspaceStatus: 'idle' });
          } else {
            const { rows, total } = await fetchPage(tab, environment);
            if (mine === generation) set({ workspaceRows: rows, workspaceTotal: total, workspaceStatus: 'idle' });
          }
        } catch (error) {
          if (mine === generation) set({ workspaceStatus: 'error', workspaceError: describeError(error) });
        }
      },
      async loadWorkspaceWorkflows() {
        const environment = get().currentEnv;
        if (environment === null) return;
        try {
          set({ workspaceWorkflows: await api.call('workflows.list', { environment }) });
        } catch {
          // The Workflows tab reports its own load errors; elsewhere the list is only a convenience.
        }
      },
      setWorkspaceTab(tab) {
        if (tab === get().workspaceTab) return;
        set({ workspaceTab: tab, workspaceOffset: 0, workspaceSelectedKey: null, workspaceRows: [], workspaceTotal: 0 });
        void get().loadWorkspace();
      },
      setWorkspaceSearch(search) {
        if (search === get().workspaceSearch) return;
        set({ workspaceSearch: search, workspaceOffset: 0, workspaceSelectedKey: null });
        void get().loadWorkspace({ quiet: true });
      },
      setWorkspaceOffset(offset) {
        const clamped = Math.max(0, Math.min(offset, Math.max(0, get().workspaceTotal - 1)));
        if (clamped === get().workspaceOffset) return;
        set({ workspaceOffset: clamped - (clamped % WORKSPACE_PAGE_SIZE), workspaceSelectedKey: null });
        void get().loadWorkspace();
      },
      selectWorkspaceRow: (key) => set({ workspaceSelectedKey: key }),
      scheduleWorkspaceRefresh() {
        if (get().view !== 'workspace') return;
        clearTimeout(refreshTimer);
        refreshTimer = setTimeout(() => void get().loadWorkspace({ quiet: true }), WORKSPACE_REFRESH_DEBOUNCE_MS);
      },
      async resetWorkspace() {
        const environment = get().currentEnv;
        if (environment === null) return 'No environment is selected.';
        return after(
          () => api.call('workspace.reset', { environment }),
          async () => {
            set({ workspaceOffset: 0, workspaceSelectedKey: null });
            await get().loadWorkspace();
          },
        );
      },
      async createWorkspaceWorkflow(key, name) {
        const environment = get().currentEnv;
        if (environment === null) return 'No environment is selected.';
        return after(() => api.call('workflows.create', { environment, key, ...(name ? { name } : {}) }), () => get().loadWorkspace({ quiet: true }));
      },
      async deleteWorkspaceWorkflow(key) {
        const environment = get().currentEnv;
        if (environment === null) return 'No environment is selected.';
        return after(
          () => api.call('workflows.delete', { environment, key }),
          async () => {
            if (get().workspaceSelectedKey === key) set({ workspaceSelectedKey: null });
            await get().loadWorkspace({ quiet: true });
          },
        );
      },
    };
  };
