import { describe, expect, it } from 'vitest';
import { fieldPaths, ownershipMoves } from './ownershipMoves';

const csa = { manager: 'kubectl-client-side-apply', operation: 'Update', fieldsV1: { 'f:spec': { 'f:replicas': {}, 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } } } } };
const scale = { manager: 'wheelhouse', operation: 'Update', subresource: 'scale', fieldsV1: { 'f:spec': { 'f:replicas': {} } } };

describe('ownershipMoves', () => {
  it('flattens fieldsV1 into paths', () => {
    expect(fieldPaths(csa.fieldsV1)).toEqual(['.spec.replicas', '.spec.template.spec.containers[name="web"].image', '.spec.template.spec.containers[name="web"].name']);
  });
  it('names the fields a forced apply takes and from whom', () => {
    const afterCsa = { ...csa, fieldsV1: { 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:name': {} } } } } } } };
    const mine = { manager: 'wheelhouse', operation: 'Apply', fieldsV1: { 'f:spec': { 'f:replicas': {}, 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } } } } };
    expect(ownershipMoves([csa, scale], [afterCsa, mine], 'wheelhouse')).toEqual([
      { field: '.spec.replicas', from: ['kubectl-client-side-apply (update)', 'wheelhouse (update) /scale'] },
      { field: '.spec.template.spec.containers[name="web"].image', from: ['kubectl-client-side-apply (update)'] },
    ]);
  });
  it('is empty when nothing changes hands (shared ownership stays shared)', () => {
    const mine = { manager: 'wheelhouse', operation: 'Apply', fieldsV1: { 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { 'f:name': {} } } } } } } };
    expect(ownershipMoves([csa], [csa, mine], 'wheelhouse')).toEqual([]);
  });
});
