import type { KubeconfigState } from '../../shared/contract/clusters';

/** Shown when no kubeconfig has a context: how to add a cluster, in the user's words. */
export function Welcome({ kube }: { kube: KubeconfigState }) {
  return (
    <div className="welcome" data-testid="welcome">
      <h1>Welcome to Wheelhouse</h1>
      <p>No Kubernetes contexts were found in {kube.files.map((f) => <code key={f}>{f}</code>)}.</p>
      {kube.errors.map((e) => <p key={e.file} className="error-banner" role="alert">{e.message}</p>)}
      <h2>Add a cluster</h2>
      <ul>
        <li>Copy your cluster's kubeconfig to <code>~/.kube/config</code>, or set <code>KUBECONFIG</code> to one or more files (separated by <code>:</code>, <code>;</code> on Windows) before starting Wheelhouse.</li>
        <li>Cloud clusters: <code>aws eks update-kubeconfig</code>, <code>gcloud container clusters get-credentials</code> or <code>az aks get-credentials</code> write it for you.</li>
        <li>No cluster at hand? <code>npm run demo</code> starts a local test cluster with demo workloads and opens Wheelhouse on it.</li>
      </ul>
      <p className="muted">Wheelhouse watches these files: a context added to them appears here without a restart.</p>
    </div>
  );
}
