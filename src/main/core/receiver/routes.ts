import type { SourceEnvSettings } from '../../../shared/domain/source';
import type { HandshakeKind } from '../../../shared/domain/template';
import type { SecretStore } from '../ports';
import type { SourcesRepo } from '../store/repos/sources.repo';

export interface RouteSecret {
  id: string;
  value: string;
}

/** Everything the receiver needs to answer one endpoint token, with secrets already opened. */
export interface Route {
  sourceId: string;
  environment: string;
  settings: Omit<SourceEnvSettings, 'secrets'>;
  secrets: RouteSecret[];
  /** The same source's secrets in its other environments (for the "wrong environment" hint). */
  otherEnvironments: Array<{ environment: string; secrets: string[] }>;
  /** The preprocess script's variables, secret ones opened, and which of them are secret. */
  vars: { values: Record<string, string>; secretNames: string[] };
  /** The endpoint check the receiver answers itself for this source's template, if any. */
  handshake: HandshakeKind | null;
}

/**
 * token → route, rebuilt from the database after any configuration change. Secrets are opened once
 * per rebuild, not per request.
 */
export function createRouteTable(sources: SourcesRepo, secretStore: SecretStore, handshakeOf: (templateId: string) => HandshakeKind | null) {
  let table: { byToken: Map<string, Route>; bySource: Map<string, Route> } | null = null;

  const build = () => {
    const snapshot = sources.routingSnapshot();
    const secretsBy = new Map<string, RouteSecret[]>();
    for (const s of snapshot.secrets) {
      const key = `${s.sourceId}\u0000${s.environment}`;
      const list = secretsBy.get(key) ?? [];
      list.push({ id: s.id, value: secretStore.open(s.sealed) });
      secretsBy.set(key, list);
    }
    const secretsOf = (sourceId: string, env: string) => secretsBy.get(`${sourceId}\u0000${env}`) ?? [];
    const varsOf = (sourceId: string, env: string) => {
      const values: Record<string, string> = {};
      const secretNames: string[] = [];
      for (const v of snapshot.vars) {
        if (v.sourceId !== sourceId || v.environment !== env) continue;
        values[v.name] = v.sealed ? secretStore.open(v.sealed) : (v.value ?? '');
        if (v.sealed) secretNames.push(v.name);
      }
      return { values, secretNames };
    };
    const byToken = new Map<string, Route>();
    const bySource = new Map<string, Route>();
    for (const { sourceId, templateId, settings } of snapshot.settings) {
      const siblings = snapshot.settings.filter(
        (o) => o.sourceId === sourceId && o.settings.environment !== settings.environment,
      );
      const route: Route = {
        sourceId,
        environment: settings.environment,
        settings,
        secrets: secretsOf(sourceId, settings.environment),
        otherEnvironments: siblings.map((o) => ({
          environment: o.settings.environment,
          secrets: secretsOf(sourceId, o.settings.environment).map((s) => s.value),
        })),
        vars: varsOf(sourceId, settings.environment),
        handshake: handshakeOf(templateId),
      };
      byToken.set(settings.endpointToken, route);
      bySource.set(`${sourceId}\u0000${settings.environment}`, route);
    }
    return { byToken, bySource };
  };

  return {
    lookup(token: string): Route | undefined {
      table ??= build();
      return table.byToken.get(token);
    },
    /** The route of a source in an environment, whatever its token (replay, rehearsal). */
    forSource(sourceId: string, environment: string): Route | undefined {
      table ??= build();
      return table.bySource.get(`${sourceId}\u0000${environment}`);
    },
    /** Call after any change to sources, settings, secrets or environments. */
    invalidate(): void {
      table = null;
    },
  };
}
export type RouteTable = ReturnType<typeof createRouteTable>;
