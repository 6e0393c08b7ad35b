import { describe, expect, it } from 'vitest';
import { decideControllerRevisionUndo } from './controllerRevisionUndo';
import type { ControllerRevision, PodTemplate, Workload } from './workloadShapes';

const tpl = (image: string): PodTemplate => ({ metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image }] } });
const sts = (image: string): Workload => ({ metadata: { name: 'db', uid: 's1' }, spec: { template: tpl(image) } });
const cr = (revision: number, image: string): ControllerRevision => ({
  metadata: { name: `db-${revision}`, ownerReferences: [{ uid: 's1', controller: true, kind: 'StatefulSet', name: 'db' }] },
  revision,
  data: { spec: { template: { ...tpl(image), $patch: 'replace' } } },
});

describe('decideControllerRevisionUndo', () => {
  const history = [cr(3, 'pg:3'), cr(1, 'pg:1'), cr(2, 'pg:2')];

  it('sends the previous revision\'s data as a strategic merge patch', () => {
    expect(decideControllerRevisionUndo(sts('pg:3'), history)).toEqual({
      action: 'patch', revision: 2, patchType: 'application/strategic-merge-patch+json',
      patch: { spec: { template: { ...tpl('pg:2'), $patch: 'replace' } } }, template: tpl('pg:2'),
    });
  });

  it('goes to a named revision, or refuses with kubectl\'s messages', () => {
    expect(decideControllerRevisionUndo(sts('pg:3'), history, 1)).toMatchObject({ action: 'patch', revision: 1 });
    expect(decideControllerRevisionUndo(sts('pg:3'), history, 5)).toEqual({ action: 'refuse', reason: 'revision-not-found', message: 'unable to find specified revision 5 in history' });
    expect(decideControllerRevisionUndo(sts('pg:3'), [cr(1, 'pg:1')])).toEqual({ action: 'refuse', reason: 'no-history', message: 'no last revision to roll back to' });
    expect(decideControllerRevisionUndo(sts('pg:3'), history, -2)).toMatchObject({ action: 'refuse', reason: 'revision-not-found' });
  });

  it('skips when the template already matches', () => {
    expect(decideControllerRevisionUndo(sts('pg:2'), history)).toEqual({ action: 'skip', revision: 2, message: 'skipped rollback (current template already matches revision 2)' });
  });

  it('only counts revisions the workload controls', () => {
    const foreign = { ...cr(9, 'x'), metadata: { name: 'x', ownerReferences: [{ uid: 'zz', controller: true, kind: 'StatefulSet', name: 'other' }] } };
    expect(decideControllerRevisionUndo(sts('pg:3'), [cr(3, 'pg:3'), foreign])).toMatchObject({ action: 'refuse', reason: 'no-history' });
  });
});
