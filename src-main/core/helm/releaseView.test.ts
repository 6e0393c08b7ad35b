import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { storedRevision } from './releaseStorage';
import { releaseDetail, releaseRows, revisionsOf } from './releaseView';

const enc = (o: unknown) => gzipSync(Buffer.from(JSON.stringify(o))).toString('base64');
const chart = { metadata: { name: 'hello', version: '0.1.0', appVersion: '1.0.0' } };
const rel = (name: string, version: number, status: string, ns = 'demo') => ({
  name, namespace: ns, version, chart, config: {},
  info: { status, description: `${status} ${version}`, last_deployed: `2026-12-07T10:0${version}:00Z`, notes: `notes ${version}` },
  manifest: '---\n# Source: hello/templates/cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n',
});
const secret = (r: { name: string; version: number; namespace: string }, data: string, uid = `${r.namespace}-${r.name}-${r.version}`) => ({
  metadata: { uid, name: `sh.helm.release.v1.${r.name}.v${r.version}`, namespace: r.namespace, labels: { owner: 'helm', name: r.name, version: String(r.version), status: 'deployed' } },
  data: { release: Buffer.from(data).toString('base64') },
});
const cm = (r: { name: string; version: number; namespace: string }, data: string) => ({
  metadata: { uid: `cm-${r.name}-${r.version}`, name: `sh.helm.release.v1.${r.name}.v${r.version}`, namespace: r.namespace, labels: { owner: 'helm', name: r.name, version: String(r.version) } },
  data: { release: data },
});

describe('releaseRows (helm list -a)', () => {
  it('keeps the latest revision of each release from both drivers, sorted by name; unknown status is left out like helm', () => {
    const revs = [
      storedRevision(secret(rel('web', 1, 'superseded'), enc(rel('web', 1, 'superseded'))), 'secret'),
      storedRevision(secret(rel('web', 2, 'failed'), enc(rel('web', 2, 'failed'))), 'secret'),
      storedRevision(cm(rel('api', 1, 'deployed'), enc(rel('api', 1, 'deployed'))), 'configmap'),
      storedRevision(secret(rel('odd', 1, 'unknown'), enc(rel('odd', 1, 'unknown'))), 'secret'),
    ];
    expect(releaseRows(revs).map((r) => [r.name, r.revision, r.status, r.storage, r.updated])).toEqual([
      ['api', '1', 'deployed', 'configmap', '2026-12-07 10:01:00 +0000 UTC'],
      ['web', '2', 'failed', 'secret', '2026-12-07 10:02:00 +0000 UTC'],
    ]);
  });
  it('a corrupt record is a row with the reason, identified from its labels; the others are untouched', () => {
    const revs = [
      storedRevision(secret({ name: 'broken', version: 3, namespace: 'demo' }, 'not base64 at all!'), 'secret'),
      storedRevision(secret(rel('ok', 1, 'deployed'), enc(rel('ok', 1, 'deployed'))), 'secret'),
    ];
    const rows = releaseRows(revs);
    expect(rows[0]).toMatchObject({ name: 'broken', revision: '3', status: 'deployed', chart: '' });
    expect(rows[0].error).toMatch(/^Cannot read Secret demo\/sh\.helm\.release\.v1\.broken\.v3: .*not valid base64/);
    expect(rows[1]).toMatchObject({ name: 'ok', chart: 'hello-0.1.0', app_version: '1.0.0' });
    expect(rows[1].error).toBeUndefined();
  });
});

describe('releaseDetail', () => {
  it('history oldest first; the latest revision in full (notes, objects)', () => {
    const revs = [2, 1].map((v) => storedRevision(secret(rel('web', v, v === 2 ? 'deployed' : 'superseded'), enc(rel('web', v, v === 2 ? 'deployed' : 'superseded'))), 'secret'));
    const d = releaseDetail(revisionsOf(revs, 'demo', 'web'))!;
    expect(d.history.map((h) => [h.revision, h.status])).toEqual([[1, 'superseded'], [2, 'deployed']]);
    expect(d.current).toMatchObject({ revision: 2, notes: 'notes 2', objects: [{ kind: 'ConfigMap', name: 'x', namespace: 'demo', source: 'hello/templates/cm.yaml' }] });
    expect(releaseDetail([])).toBeUndefined();
  });
});
