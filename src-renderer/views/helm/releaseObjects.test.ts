import { describe, expect, it } from 'vitest';
import { projectTopoObject } from '../../../shared/topology/topologyObject';
import type { HelmObjectRef } from '../../../shared/contract/helm';
import { indexLive, releaseObjectUids } from './releaseObjects';

const live = [
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { uid: 'd1', name: 'hello', namespace: 'a' } },
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { uid: 'd2', name: 'hello', namespace: 'b' } },
  { apiVersion: 'v1', kind: 'Service', metadata: { uid: 's1', name: 'hello', namespace: 'a' } },
  { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { uid: 'pv1', name: 'disk' } },
].map((o) => projectTopoObject(o));
const ref = (kind: string, name: string, namespace?: string): HelmObjectRef => ({ key: `${kind}/${name}`, apiVersion: 'v1', kind, name, ...(namespace ? { namespace } : {}) });

describe('releaseObjectUids', () => {
  it('matches by kind, namespace and name; cluster-scoped kinds ignore the namespace; the rest are left out', () => {
    const refs = [ref('Service', 'hello', 'a'), ref('Deployment', 'hello', 'a'), ref('PersistentVolume', 'disk', 'a'),
      ref('Deployment', 'gone', 'a'), ref('Widget', 'hello', 'a')];
    expect(releaseObjectUids(refs, indexLive(live))).toEqual(['d1', 'pv1', 's1']);
  });

  it('another namespace\'s twin is not the release\'s', () => {
    expect(releaseObjectUids([ref('Deployment', 'hello', 'c')], indexLive(live))).toEqual([]);
  });
});
