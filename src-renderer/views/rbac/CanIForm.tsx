import { useState } from 'react';
import { useClient } from '../../data/clientContext';
import type { CanIResult } from '../../../shared/contract/rbac';
import { parseResourceText } from '../../../shared/rbac/resourceText';
import { ErrorDetails } from '../../components/ErrorDetails';
import type { ContractError } from '../../../shared/contract/contractError';

const VIA_TEXT: Record<CanIResult['via'], string> = {
  self: 'asked as you (SelfSubjectAccessReview)',
  impersonate: 'asked by impersonation (SelfSubjectAccessReview with Impersonate-User/Group)',
  subjectaccessreview: 'asked with a SubjectAccessReview (the implicit groups added as the API server would)',
};

/** "Can X do Y": kubectl auth can-i VERB RESOURCE[/SUB] [NAME] -n NS [--as USER --as-group G], answered by the API server. */
export function CanIForm({ context, namespace, initialAs }: { context: string; namespace: string | undefined; initialAs?: string }) {
  const client = useClient();
  const [verb, setVerb] = useState('get');
  const [resource, setResource] = useState('pods');
  const [name, setName] = useState('');
  const [ns, setNs] = useState(namespace ?? '');
  const [as, setAs] = useState(initialAs ?? '');
  const [groups, setGroups] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ q: string; r?: CanIResult; error?: ContractError | { message: string; detail?: string } }>();

  const ask = async () => {
    const isUrl = resource.trim().startsWith('/');
    const parsed = isUrl ? undefined : parseResourceText(resource);
    if (parsed && 'error' in parsed) { setAnswer({ q: resource, error: { message: parsed.error } }); return; }
    const q = `${verb} ${resource}${name ? ` ${name}` : ''}${!isUrl && ns ? ` in ${ns}` : ''}${as ? ` as ${as}` : ''}${groups ? ` (groups ${groups})` : ''}`;
    setBusy(true);
    try {
      const r = await client.request('rbac.canI', {
        context, verb: verb.trim(),
        ...(isUrl ? { nonResourceURL: resource.trim() } : { group: parsed!.group, resource: parsed!.resource, ...(parsed!.subresource ? { subresource: parsed!.subresource } : {}) }),
        ...(name.trim() ? { name: name.trim() } : {}), ...(ns.trim() && !isUrl ? { namespace: ns.trim() } : {}),
        ...(as.trim() || groups.trim() ? { as: { user: as.trim(), groups: groups.split(',').map((g) => g.trim()).filter(Boolean) } } : {}),
      });
      setAnswer({ q, r });
    } catch (e) {
      setAnswer({ q, error: e as ContractError });
    } finally { setBusy(false); }
  };

  return (
    <div className="rbac-panel" data-testid="rbac-cani-panel">
      <div className="toolbar"><h2>Can … ?</h2><span className="muted">like <code>kubectl auth can-i</code></span></div>
      <form className="rbac-form" onSubmit={(e) => { e.preventDefault(); void ask(); }}>
        <label>Verb<input value={verb} onChange={(e) => setVerb(e.target.value)} list="rbac-verbs" data-testid="cani-verb" /></label>
        <label title="pods, deployments.apps, pods/log, deploy/scale, or a URL such as /healthz">Resource or URL<input value={resource} onChange={(e) => setResource(e.target.value)} data-testid="cani-resource" /></label>
        <label>Name<input value={name} onChange={(e) => setName(e.target.value)} placeholder="any" data-testid="cani-name" /></label>
        <label title="Empty: cluster-scoped, or all namespaces">Namespace<input value={ns} onChange={(e) => setNs(e.target.value)} placeholder="all / cluster" data-testid="cani-namespace" /></label>
        <label title="A user, or system:serviceaccount:NAMESPACE:NAME; empty: you">As<input value={as} onChange={(e) => setAs(e.target.value)} placeholder="me" className="rbac-wide" data-testid="cani-as" /></label>
        <label title="Comma-separated, like --as-group">Groups<input value={groups} onChange={(e) => setGroups(e.target.value)} placeholder="none" data-testid="cani-groups" /></label>
        <button type="submit" className="primary" disabled={busy || !verb.trim()} title={!verb.trim() ? 'Type a verb' : undefined} data-testid="cani-ask">{busy ? 'Asking…' : 'Ask'}</button>
      </form>
      <datalist id="rbac-verbs">{['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'impersonate', 'escalate', 'bind', 'use'].map((v) => <option key={v} value={v} />)}</datalist>
      {answer && (
        <div className={`rbac-answer ${answer.r ? (answer.r.allowed ? 'rbac-answer-yes' : 'rbac-answer-no') : 'rbac-answer-error'}`} data-testid="cani-answer" role="status">
          <div className="rbac-answer-q">{answer.q}</div>
          {answer.r && <div className="rbac-answer-a" data-testid="cani-verdict">{answer.r.allowed ? 'yes' : 'no'}</div>}
          {answer.r?.reason && <div data-testid="cani-reason">Reason: {answer.r.reason}</div>}
          {answer.r?.evaluationError && <div>Evaluation error: {answer.r.evaluationError}</div>}
          {answer.r && !answer.r.allowed && !answer.r.reason && <div className="muted">The API server gave no reason (no rule allows it).</div>}
          {answer.r && <div className="muted">{VIA_TEXT[answer.r.via]}</div>}
          {answer.error && <div className="error-text" role="alert">{answer.error.message}{answer.error.detail && <ErrorDetails detail={answer.error.detail} />}</div>}
        </div>
      )}
    </div>
  );
}
