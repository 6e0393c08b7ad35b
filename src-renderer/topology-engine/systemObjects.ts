/** Objects Kubernetes puts in every namespace; each pod's service-account volume mounts them. */
export function isSystemObject(o: { kind: string; name: string }): boolean {
  return o.kind === 'ConfigMap' && o.name === 'kube-root-ca.crt';
}

/**
 * The graph leaves them out unless the user asks (the "System objects" chip): they add an edge per pod
 * and say nothing. Unlike the view's filters this changes the graph, so turning it off and on never
 * leaves a gap in the layout.
 */
export function withoutSystemObjects<T extends { kind: string; name: string }>(objects: readonly T[]): readonly T[] {
  return objects.some(isSystemObject) ? objects.filter((o) => !isSystemObject(o)) : objects;
}
