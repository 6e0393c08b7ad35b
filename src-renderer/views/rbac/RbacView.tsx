import { formatRoute, type Route } from '../../app/route';
import { AccessMatrix } from './AccessMatrix';
import { CanIForm } from './CanIForm';
import { WhoCanPanel } from './WhoCanPanel';
import { SubjectPanel } from './SubjectPanel';
import { useRbacObjects } from './useRbacObjects';
import './rbac.css';

const TABS = [['matrix', 'What can I do'], ['can-i', 'Can … ?'], ['who-can', 'Who can … ?'], ['subject', 'Effective permissions']] as const;

/** The "Access" room: `#/c/<ctx>/access?tab=matrix|can-i|who-can|subject|role&subject=…&role=…`. */
export function RbacView({ context, namespace, route, navigate }: { context: string; namespace: string | undefined; route: Route; navigate(hash: string): void }) {
  const tab = route.params.get('tab') ?? 'matrix';
  const rbac = useRbacObjects(context);
  const go = (params: Record<string, string | undefined>) => navigate(formatRoute({ context, view: 'access', params: { ns: route.params.get('ns') ?? undefined, ...params } }));
  const roleParam = route.params.get('role') ?? '';
  const roleMatch = /^(Role|ClusterRole):(?:([^/]+)\/)?(.+)$/.exec(roleParam);
  const role = roleMatch ? { kind: roleMatch[1], name: roleMatch[3], ...(roleMatch[2] ? { namespace: roleMatch[2] } : {}) } : undefined;
  return (
    <div className="rbac-view">
      <div className="rbac-tabs" role="tablist" aria-label="Access">
        {TABS.map(([id, label]) => (
          <button key={id} role="tab" aria-selected={tab === id} className={tab === id ? 'active' : ''} data-testid={`rbac-tab-${id}`} onClick={() => go({ tab: id })}>{label}</button>
        ))}
        {tab === 'role' && <button role="tab" aria-selected className="active">Who is bound</button>}
      </div>
      <div className="rbac-body">
        {tab === 'matrix' && <AccessMatrix context={context} namespace={namespace} rbac={rbac} />}
        {tab === 'can-i' && <CanIForm context={context} namespace={namespace} />}
        {tab === 'who-can' && <WhoCanPanel rbac={rbac} namespace={namespace} onSubject={(key) => go({ tab: 'subject', subject: key.replace(' ', ':') })} />}
        {tab === 'subject' && <SubjectPanel key={route.params.get('subject') ?? ''} rbac={rbac} initialSubject={route.params.get('subject') ?? undefined} />}
        {tab === 'role' && <SubjectPanel rbac={rbac} role={role} />}
      </div>
    </div>
  );
}
