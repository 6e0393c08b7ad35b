import { describe, expect, it } from 'vitest';
import { topo } from '../testing/topoObjects';
import { endpointsByService, serviceKey } from './endpointSummary';
import { SERVICE_NAME_LABEL } from './topologyObject';

describe('endpointsByService', () => {
  it('sums ready/total over the slices naming a Service, by serviceName or label', () => {
    const e = endpointsByService([
      topo('EndpointSlice', 'web-a', { endpointSlice: { serviceName: 'web', ready: 2, total: 3 } }),
      topo('EndpointSlice', 'web-b', { labels: { [SERVICE_NAME_LABEL]: 'web' }, endpointSlice: { ready: 1, total: 1 } }),
      topo('EndpointSlice', 'other', { namespace: 'prod', endpointSlice: { serviceName: 'web', ready: 0, total: 1 } }),
      topo('EndpointSlice', 'orphan', { endpointSlice: { ready: 5, total: 5 } }),
    ]);
    expect(e.get(serviceKey('demo', 'web'))).toEqual({ ready: 3, total: 4 });
    expect(e.get(serviceKey('prod', 'web'))).toEqual({ ready: 0, total: 1 });
    expect(e.size).toBe(2);
  });
});
