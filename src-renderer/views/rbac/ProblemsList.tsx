import { useMemo } from 'react';
import { bindingProblems } from '../../../shared/rbac/rbacGrants';
import type { RbacObjects } from '../../../shared/rbac/rbacObjects';

/** Bindings that grant nothing as written: a missing role, a missing ServiceAccount. */
export function ProblemsList({ objects, filter }: { objects: RbacObjects; filter?: (b: { namespace?: string; name: string; kind: string }) => boolean }) {
  const problems = useMemo(() => bindingProblems(objects).filter((p) => !filter || filter(p.binding)), [objects, filter]);
  if (!problems.length) return null;
  return (
    <details className="rbac-problems" data-testid="rbac-problems">
      <summary>{problems.length} binding problem{problems.length === 1 ? '' : 's'}</summary>
      <ul>{problems.map((p, i) => <li key={`${p.binding.uid}-${i}`}>{p.binding.kind} {p.binding.namespace ? `${p.binding.namespace}/` : ''}{p.binding.name}: {p.problem}</li>)}</ul>
    </details>
  );
}
