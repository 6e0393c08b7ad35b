// Details as good as `kubectl describe` (Chromium, serve mode, the real test cluster): for the seeded
// demo objects the pod's volumes, mounts, env/envFrom, tolerations and QoS class; the node's
// non-terminated pods and allocated resources (parsed from `kubectl describe node` itself); a Service's
// endpoints ready and not ready (from kubectl's EndpointSlices) and a headless Service shown as such.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openApp, testKubeconfig, type ServeFixture } from './support/browser';
import { cleanRendererBuild, startStreamsServe } from './support/streams';
import { openKind, openRow, pickNamespace, screenshots } from './support/navigate';
import { eventually } from './support/polling';
import { kubectl } from '../test-cluster/kubectl.mjs';
import { STUCK_LABEL } from '../test-cluster/kwok-config.mjs';

const ADMIN = 'wheelhouse-admin';
const NS = `wh-e2e-describe-${Math.random().toString(36).slice(2, 7)}`;
const k = (args: string[], input?: string) => kubectl(args, { kubeconfig: testKubeconfig(), context: ADMIN, input });
const json = async (args: string[]) => JSON.parse(await k(['get', ...args, '-o', 'json']));
const texts = (page: Page, sel: string) => page.$$eval(sel, (els) => els.map((e) => (e.textContent ?? '').trim()));

describe('describe-grade details (real test cluster)', () => {
  let serve: ServeFixture;
  let browser: Browser;
  let page: Page & { errors: Error[] };

  beforeAll(async () => {
    serve = await startStreamsServe();
    await k(['create', 'namespace', NS]);
    await eventually(() => k(['get', 'serviceaccount', 'default', '-n', NS]), 30_000);
    // One ready pod and one that never turns Ready behind the same Service.
    await k(['apply', '-n', NS, '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'good', labels: { app: 'mixed' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] } },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bad', labels: { app: 'mixed', [STUCK_LABEL]: 'true' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'mixed' }, spec: { selector: { app: 'mixed' }, ports: [{ port: 80 }] } },
    ] }));
    browser = await launchChromium();
    page = await openApp(browser, serve);
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await k(['delete', 'namespace', NS, '--wait=false']).catch(() => undefined);
    await serve?.close();
    cleanRendererBuild();
  });

  it('a web pod: volumes, mounts, tolerations and QoS class as kubectl has them', async () => {
    const pod = (await json(['pods', '-n', 'demo', '-l', 'app=web'])).items.find((p: any) => p.status?.phase === 'Running');
    await pickNamespace(page, 'demo');
    await openKind(page, '/pods');
    await openRow(page, pod.metadata.name);
    await page.waitForSelector('[data-testid="dp-volumes"]');
    const volumes = await page.$$eval('[data-testid="dp-volume"]', (rows) => rows.map((r) => r.getAttribute('data-name')));
    expect(volumes).toEqual(pod.spec.volumes.map((v: any) => v.name));
    expect(await page.textContent('[data-testid="dp-volume"][data-name="config"]')).toContain('ConfigMap app-config');
    const web = pod.spec.containers.find((c: any) => c.name === 'web');
    const mounts = await texts(page, '[data-testid="dp-container-web"] [data-testid="dp-mounts"] li');
    expect(mounts).toEqual(web.volumeMounts.map((m: any) => `${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})`));
    const init = pod.spec.initContainers[0];
    expect(await page.textContent(`[data-testid="dp-container-${init.name}"] [data-testid="dp-command"]`)).toBe(init.command.join(' '));
    const tolerations = await texts(page, '[data-testid="dp-tolerations"] li');
    expect(tolerations).toEqual(pod.spec.tolerations.map((t: any) => `${t.key}:${t.effect} op=Exists for ${t.tolerationSeconds}s`));
    expect(await page.textContent('[data-testid="dp-pod-status"]')).toContain(`QoS class${pod.status.qosClass}`);
    await screenshots(page, 'describe-1-pod');
  });

  it('an api pod: env values and envFrom sources, never secret values', async () => {
    const pod = (await json(['pods', '-n', 'demo', '-l', 'app=api'])).items[0];
    await openRow(page, pod.metadata.name);
    await page.waitForSelector('[data-testid="dp-container-api"] [data-testid="dp-env"]');
    const api = pod.spec.containers.find((c: any) => c.name === 'api');
    expect(await texts(page, '[data-testid="dp-container-api"] [data-testid="dp-env"] li')).toEqual(api.env.map((e: any) => `${e.name}: ${e.value}`));
    expect(await texts(page, '[data-testid="dp-container-api"] [data-testid="dp-env-from"] li')).toEqual(
      api.envFrom.map((e: any) => (e.configMapRef ? `ConfigMap ${e.configMapRef.name}` : `Secret ${e.secretRef.name}`) + ' · Optional: false'));
    const secret = await json(['secret', 'app-secret', '-n', 'demo']);
    const body = (await page.textContent('[data-testid="details"]')) ?? '';
    for (const v of Object.values<string>(secret.data ?? {})) expect(body).not.toContain(Buffer.from(v, 'base64').toString());
  });

  it("the pod's node: non-terminated pods and allocated resources as kubectl describe node prints them", async () => {
    const pod = (await json(['pods', '-n', 'demo', '-l', 'app=web'])).items.find((p: any) => p.status?.phase === 'Running');
    const node = pod.spec.nodeName;
    await openKind(page, '/nodes');
    await openRow(page, node);
    await page.waitForSelector('[data-testid="dp-node-pods"] [data-testid="dp-node-pod"]', { timeout: 30_000 });
    // Other specs create pods on the shared nodes: compare until both sides agree on one moment.
    await eventually(async () => {
      const described = await k(['describe', 'node', node]);
      const total = Number(/Non-terminated Pods:\s+\((\d+) in total\)/.exec(described)![1]);
      const allocated = described.slice(described.indexOf('Allocated resources:'));
      const row = (r: string) => new RegExp(`^\\s+${r}\\s+(\\S+ \\(\\d+%\\))\\s+(\\S+ \\(\\d+%\\))`, 'm').exec(allocated)!;
      const listed = (await json(['pods', '-A', '--field-selector', `spec.nodeName=${node},status.phase!=Succeeded,status.phase!=Failed`])).items
        .map((p: any) => `${p.metadata.namespace}/${p.metadata.name}`).sort();
      const shown = await page.$$eval('[data-testid="dp-node-pod"]', (rows) => rows.map((r) => `${r.getAttribute('data-namespace')}/${r.getAttribute('data-name')}`));
      expect(shown).toHaveLength(total);
      expect(shown).toEqual(listed);
      for (const r of ['cpu', 'memory']) {
        const [, req, lim] = row(r);
        expect(await page.textContent(`[data-testid="dp-node-alloc-${r}"]`)).toContain(`requests ${req} · limits ${lim}`);
      }
    }, 60_000, 1000);
    await screenshots(page, 'describe-2-node');
  });

  it('Services: endpoints ready and not ready as the EndpointSlices say; a headless Service says so', async () => {
    await pickNamespace(page, NS);
    await openKind(page, '/services');
    await openRow(page, 'mixed');
    await eventually(async () => {
      const slices = (await json(['endpointslices', '-n', NS, '-l', 'kubernetes.io/service-name=mixed'])).items;
      const want = slices.flatMap((s: any) => (s.endpoints ?? []).flatMap((e: any) => e.addresses.map((ip: string) => `${ip}:${e.conditions?.ready !== false}`))).sort();
      expect(want).toHaveLength(2);
      const shown = await page.$$eval('[data-testid="dp-endpoint"]', (rows) => rows.map((r) => `${r.getAttribute('data-ip')}:${r.getAttribute('data-ready')}`));
      expect(shown.sort()).toEqual(want);
      expect(want.filter((x: string) => x.endsWith(':false'))).toHaveLength(1);
    }, 60_000, 1000);
    expect(await page.textContent('[data-testid="dp-endpoints"] h3')).toBe('Endpoints (1 ready, 1 not ready)');
    await screenshots(page, 'describe-3-service');

    const db = await json(['service', 'db', '-n', 'data']);
    expect(db.spec.clusterIP).toBe('None');
    await pickNamespace(page, 'data');
    await openKind(page, '/services');
    await openRow(page, 'db');
    await page.waitForSelector('[data-testid="dp-headless"]');
    expect(page.errors).toEqual([]);
  });

  it('Ingress rules as a table and an HPA\'s metrics current / target, as kubectl has them', async () => {
    const ing = await json(['ingress', 'web', '-n', 'demo']);
    await pickNamespace(page, 'demo');
    await openKind(page, 'networking.k8s.io/ingresses');
    await openRow(page, 'web');
    await page.waitForSelector('[data-testid="dp-ingress-rule"]');
    const want = ing.spec.rules.flatMap((r: any) => r.http.paths.map((p: any) => `${r.host ?? '*'}|${p.path}|${p.backend.service.name}:${p.backend.service.port.number}`));
    const shown = await page.$$eval('[data-testid="dp-ingress-rule"]', (rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(0, 3).map((td) => td.childNodes[0]?.textContent ?? '').join('|')));
    expect(shown).toEqual(want);
    await screenshots(page, 'describe-4-ingress');

    const hpa = await json(['hpa', 'api', '-n', 'demo']);
    await openKind(page, 'autoscaling/horizontalpodautoscalers');
    await openRow(page, 'api');
    await page.waitForSelector('[data-testid="dp-hpa-metric"]');
    expect(await page.textContent('[data-testid="dp-hpa"]')).toContain(`${hpa.spec.minReplicas ?? 1} / ${hpa.spec.maxReplicas}`);
    const metric = await page.$$eval('[data-testid="dp-hpa-metric"] td', (tds) => tds.map((t) => t.textContent));
    expect(metric[0]).toBe(`resource ${hpa.spec.metrics[0].resource.name}`);
    expect(metric[2]).toBe(`${hpa.spec.metrics[0].resource.target.averageUtilization}%`);
    const cur = hpa.status?.currentMetrics?.[0]?.resource?.current?.averageUtilization;
    if (cur !== undefined) expect(metric[1]).toContain(`${cur}%`);
    else expect(metric[1]).toBe('<unknown>');
    expect(page.errors).toEqual([]);
  });
});
