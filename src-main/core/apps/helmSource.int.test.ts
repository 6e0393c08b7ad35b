import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { randomName } from '../../testing/testCluster';
import { copyAppFixture, helmBinDir } from '../../testing/appFixtures';
import { detectSource, renderSource } from './renderSource';

describe('a Helm chart source', () => {
  const ns = randomName('wh-apps-helm');
  const savedPath = process.env.PATH;
  let helm: string;
  beforeAll(() => {
    const dir = helmBinDir();
    if (!dir) throw new Error('No helm binary in ~/.cache/wheelhouse/bin/helm-*/: build it with test-cluster/build-helm.sh (the helm test bed).');
    helm = join(dir, 'helm');
    process.env.PATH = `${dir}${delimiter}${savedPath}`;
  });
  afterAll(() => { process.env.PATH = savedPath; });

  it('renders the same objects as `helm template` with the chosen values file', async () => {
    const dir = copyAppFixture('helm-chart', ns);
    expect(await detectSource(dir)).toMatchObject({ type: 'helm', tool: helm });
    const ours = await renderSource({ path: dir, namespace: ns, releaseName: 'shop1', valuesFiles: ['values-prod.yaml'] });
    expect(ours.failed).toBeUndefined();
    const cli = parseAllDocuments(execFileSync(helm, ['template', 'shop1', dir, '--namespace', ns, '--values', join(dir, 'values-prod.yaml')], { encoding: 'utf8' }))
      .map((d) => d.toJS()).filter(Boolean);
    expect(ours.objects.map((o) => o.object)).toEqual(cli);
    expect(cli.map((o: any) => `${o.kind} ${o.metadata.name}`).sort()).toEqual(['ConfigMap shop1-shop', 'Deployment shop1-shop']);
    expect(cli.find((o: any) => o.kind === 'Deployment').spec.replicas).toBe(3);
  });

  it('a chart that fails to render says so with helm\'s error', async () => {
    const dir = copyAppFixture('helm-chart', ns);
    const r = await renderSource({ path: dir, namespace: ns, releaseName: 'shop1', valuesFiles: ['no-such-values.yaml'] });
    expect(r.failed).toMatch(/template failed \(exit 1\): .*no-such-values\.yaml/s);
    expect(r.objects).toEqual([]);
  });
});
