import { useContractQuery } from '../data/clientContext';

export interface DetailsTarget { group: string; version: string; resource: string; namespace?: string; name: string; uid: string }

/** The details panel for the selected object. */
export function DetailsHost({ context, target, onClose }: { context: string; target: DetailsTarget; onClose(): void; navigate(view: string): void }) {
  const obj = useContractQuery('resource.get', { context, group: target.group, version: target.version, resource: target.resource, namespace: target.namespace, name: target.name });
  return (
    <aside className="details" data-testid="details">
      <div className="toolbar"><h2>{target.name}</h2><button onClick={onClose} aria-label="Close details">×</button></div>
      {obj.error && <div className="error-banner" role="alert">{String((obj.error as Error).message)}</div>}
      <pre className="yaml">{obj.data ? JSON.stringify(obj.data, null, 2) : 'Loading…'}</pre>
    </aside>
  );
}
