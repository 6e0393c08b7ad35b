import { formatRoute } from '../../app/route';
import { Section } from '../details/bits';
import { subjectLabel } from '../../../shared/rbac/identity';

export const RBAC_DETAIL_KINDS = new Set(['ServiceAccount', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

/** In an RBAC object's details: the way into the Access room for it (effective permissions, who is bound). */
export function RbacLinksSection({ context, obj }: { context: string; obj: any }) {
  const kind: string = obj?.kind;
  const name: string = obj?.metadata?.name ?? '';
  const ns: string | undefined = obj?.metadata?.namespace;
  const link = (params: Record<string, string>) => formatRoute({ context, view: 'access', params: { ...(ns ? { ns } : {}), ...params } });
  const links: { href: string; text: string; testId: string }[] = [];
  if (kind === 'ServiceAccount') links.push({ href: link({ tab: 'subject', subject: `ServiceAccount:${ns}/${name}` }), text: 'Effective permissions', testId: 'rbac-link-effective' });
  if (kind === 'Role' || kind === 'ClusterRole') links.push({ href: link({ tab: 'role', role: `${kind}:${ns ? `${ns}/` : ''}${name}` }), text: 'Who is bound', testId: 'rbac-link-bound' });
  if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') {
    const ref = obj?.roleRef;
    if (ref?.name) links.push({ href: link({ tab: 'role', role: `${ref.kind}:${ref.kind === 'Role' && ns ? `${ns}/` : ''}${ref.name}` }), text: `${ref.kind} ${ref.name}: its rules and who else is bound`, testId: 'rbac-link-role' });
    for (const s of (obj?.subjects ?? []) as any[]) {
      const key = s.kind === 'ServiceAccount' ? `ServiceAccount:${s.namespace || ns}/${s.name}` : `${s.kind}:${s.name}`;
      links.push({ href: link({ tab: 'subject', subject: key }), text: `Effective permissions of ${subjectLabel(s, ns)}`, testId: 'rbac-link-subject' });
    }
  }
  if (!links.length) return null;
  return (
    <Section title="Access" testId="dp-rbac">
      <ul className="dp-rbac-links">{links.map((l) => <li key={l.href}><a href={l.href} data-testid={l.testId}>{l.text}</a></li>)}</ul>
    </Section>
  );
}
