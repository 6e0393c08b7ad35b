import type { KubeHttp } from '../cluster/kubeHttp';
import { objectPath } from '../cluster/resourcePath';
import { requireActionAccess } from './accessCheck';
import { kubectlName, NODES } from './workloadResource';
import { STRATEGIC_MERGE_PATCH, writeQuery } from './writeOptions';
import type { ChangeResult } from '../../../shared/contract/actions';

/** `kubectl cordon`: mark the node unschedulable (`{"spec":{"unschedulable":true}}`). */
export function cordonNode(http: KubeHttp, node: string, opts: { dryRun?: boolean } = {}): Promise<ChangeResult> {
  return setUnschedulable(http, node, true, !!opts.dryRun);
}

/** `kubectl uncordon`: the field is omitted when false, so kubectl's patch removes it. */
export function uncordonNode(http: KubeHttp, node: string, opts: { dryRun?: boolean } = {}): Promise<ChangeResult> {
  return setUnschedulable(http, node, false, !!opts.dryRun);
}

async function setUnschedulable(http: KubeHttp, node: string, desired: boolean, dryRun: boolean): Promise<ChangeResult> {
  await requireActionAccess(http, desired ? 'cordon' : 'uncordon', { ...NODES, name: node });
  const path = objectPath(NODES, undefined, node);
  const current = await http.request('GET', path);
  const verb = desired ? 'cordoned' : 'uncordoned';
  if (!!current?.spec?.unschedulable === desired) return { changed: false, message: `${kubectlName('Node', node)} already ${verb}` };
  await http.request('PATCH', path, {
    body: { spec: { unschedulable: desired ? true : null } }, contentType: STRATEGIC_MERGE_PATCH, query: writeQuery(dryRun),
  });
  return { changed: true, message: `${kubectlName('Node', node)} ${verb}${dryRun ? ' (server dry run)' : ''}` };
}
