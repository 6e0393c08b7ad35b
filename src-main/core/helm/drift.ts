import { stringify } from 'yaml';
import type { KubeHttp } from '../cluster/kubeHttp';
import { ApiError } from '../cluster/apiError';
import { objectPath } from '../cluster/resourcePath';
import { kindResolver } from '../actions/kindResolver';
import { APPLY_PATCH } from '../actions/writeOptions';
import { maskSecret } from '../objectSanitizer';
import type { HelmDriftObject } from '../../../shared/contract/helm';
import type { ManifestObject } from '../../../shared/helm/manifest';
import { normalizeForDiff, sameObject } from '../../../shared/helm/liveNormalize';

// Drift of a release: its stored manifest against the live objects, with `kubectl diff` semantics: each
// manifest object is applied server-side as a dry run (as helm's field manager, taking its fields
// back), so defaults, admission and other managers' fields are the server's, not guessed; server
// noise is stripped from both sides, and what differs is drift. This is the one function the
// Applications diff engine can replace (a release is an application whose desired state is its manifest).

/** Helm v4 applies server-side as this field manager. */
const HELM_FIELD_MANAGER = 'helm';

const toYaml = (o: unknown) => (o === undefined ? '' : stringify(o, { lineWidth: 0 }));

/**
 * What helm adds to every object it applies (pkg/action/validate.go setMetadataVisitor): without them a
 * dry run as helm's field manager would remove them, and every object would look drifted.
 */
function asHelmApplies(o: Record<string, unknown>, release: { name: string; namespace: string }, ns: string | undefined): Record<string, unknown> {
  const meta = (o.metadata ?? {}) as Record<string, any>;
  return {
    ...o,
    metadata: {
      ...meta,
      ...(ns ? { namespace: ns } : {}),
      labels: { ...(meta.labels ?? {}), 'app.kubernetes.io/managed-by': 'Helm' },
      annotations: { ...(meta.annotations ?? {}), 'meta.helm.sh/release-name': release.name, 'meta.helm.sh/release-namespace': release.namespace },
    },
  };
}

export async function computeDrift(http: KubeHttp, objects: ManifestObject[], release: { name: string; namespace: string }): Promise<HelmDriftObject[]> {
  const resolve = kindResolver(http);
  return Promise.all(objects.map(async (o): Promise<HelmDriftObject> => {
    const base = { key: o.key, kind: o.kind, name: o.name, ...(o.namespace ? { namespace: o.namespace } : {}) };
    if (!o.object) return { ...base, status: 'Error', desired: o.text, live: '', message: `The manifest document does not parse: ${o.parseError}` };
    try {
      const target = await resolve(o.apiVersion, o.kind);
      const ns = target.namespaced ? o.namespace : undefined;
      const path = objectPath(target, ns, o.name);
      let live: Record<string, unknown> | undefined;
      try {
        live = await http.request('GET', path, { timeoutMs: 30_000 });
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 404)) throw err;
      }
      const body = asHelmApplies(o.object, release, ns);
      const res = await http.raw('PATCH', path, {
        body: JSON.stringify(body), contentType: APPLY_PATCH,
        query: { fieldManager: HELM_FIELD_MANAGER, force: true, dryRun: 'All' },
      });
      const desired = JSON.parse(await res.text());
      const d = normalizeForDiff(desired);
      if (!live) return { ...base, status: 'Missing', desired: toYaml(show(d)), live: '', message: 'The object is in the manifest but not in the cluster.' };
      const l = normalizeForDiff(live);
      return { ...base, status: sameObject(d, l) ? 'Synced' : 'OutOfSync', desired: toYaml(show(d)), live: toYaml(show(l)) };
    } catch (err) {
      return { ...base, status: 'Error', desired: o.text, live: '', message: err instanceof Error ? err.message : String(err) };
    }
  }));
}

/** Secret data never reaches the renderer in clear, drift or not. */
function show(o: Record<string, unknown>): Record<string, unknown> {
  return o.kind === 'Secret' ? maskSecret(o as Record<string, any>) : o;
}
