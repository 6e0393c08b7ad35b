import { describe, expect, it } from 'vitest';
import { filterActions, paletteActions } from './paletteActions';

describe('paletteActions', () => {
  it('a Deployment: details, YAML, logs, undo and its own actions', () => {
    expect(paletteActions('Deployment', { spec: {} }).map((a) => a.id)).toEqual(['details', 'yaml', 'logs', 'topology', 'undo', 'scale', 'restart', 'pause', 'edit', 'expose', 'delete']);
    expect(paletteActions('Deployment', { spec: { paused: true } }).map((a) => a.id)).toContain('resume');
  });
  it('a Pod has a shell; a Node cordon and drain', () => {
    expect(paletteActions('Pod', {}).map((a) => a.id)).toContain('shell');
    expect(paletteActions('Node', { spec: {} }).map((a) => a.id)).toEqual(expect.arrayContaining(['cordon', 'drain']));
  });
  it('`scale 4` carries the number; other text filters by label and words', () => {
    const all = paletteActions('Deployment', {});
    expect(filterActions(all, 'scale 4')).toMatchObject([{ action: 'scale', replicas: 4, label: 'Scale to 4…' }]);
    expect(filterActions(all, 'del').map((a) => a.id)).toEqual(['delete']);
    expect(filterActions(all, 'rollback').map((a) => a.id)).toEqual(['undo']);
    expect(filterActions(paletteActions('ConfigMap', {}), 'scale 2')).toEqual([]);
  });
});
