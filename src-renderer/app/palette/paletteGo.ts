// Where a palette command takes the workspace: another context, another namespace (through the
// namespace picker's own setter, so it is remembered the same way), a kind's table, the topology.
import { formatRoute, type Route } from '../route';
import type { PaletteGo } from './paletteCommands';
import { requestCreate } from '../../views/create/createRequests';

export interface GoEnv {
  context: string;
  route: Route;
  navigate(hash: string): void;
  setNamespace(ns: string, opts?: { typed?: boolean }): void;
  setSelected(t: undefined): void;
}

export function goFromPalette(g: PaletteGo, env: GoEnv): void {
  const ns = env.route.params.get('ns') ?? undefined;
  switch (g.to) {
    case 'context': env.navigate(formatRoute({ context: g.context, view: env.route.view, resource: env.route.resource })); return;
    case 'namespace': env.setNamespace(g.namespace, { typed: g.typed }); return;
    case 'create': requestCreate(g.form); return;
    case 'access': env.setSelected(undefined); env.navigate(formatRoute({ context: env.context, view: 'access', params: { ns } })); return;
    case 'topology': env.setSelected(undefined); env.navigate(formatRoute({ context: env.context, view: 'overview', params: { ns: g.namespace ?? ns } })); return;
    case 'kind': {
      const resource = { group: g.kind.group, version: g.kind.version, resource: g.kind.resource };
      env.navigate(formatRoute({ context: env.context, view: 'r', resource, params: { ns: g.namespace ?? ns } }));
    }
  }
}
