/** The sidebar's built-in kinds, grouped like `kubectl api-resources` categories. Discovery adds CRDs. */
export interface NavKind { label: string; group: string; version: string; resource: string; namespaced: boolean }

export const navGroups: { title: string; kinds: NavKind[] }[] = [
  { title: 'Workloads', kinds: [
    { label: 'Pods', group: '', version: 'v1', resource: 'pods', namespaced: true },
    { label: 'Deployments', group: 'apps', version: 'v1', resource: 'deployments', namespaced: true },
    { label: 'ReplicaSets', group: 'apps', version: 'v1', resource: 'replicasets', namespaced: true },
    { label: 'StatefulSets', group: 'apps', version: 'v1', resource: 'statefulsets', namespaced: true },
    { label: 'DaemonSets', group: 'apps', version: 'v1', resource: 'daemonsets', namespaced: true },
    { label: 'Jobs', group: 'batch', version: 'v1', resource: 'jobs', namespaced: true },
    { label: 'CronJobs', group: 'batch', version: 'v1', resource: 'cronjobs', namespaced: true },
    { label: 'HPAs', group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', namespaced: true },
  ] },
  { title: 'Network', kinds: [
    { label: 'Services', group: '', version: 'v1', resource: 'services', namespaced: true },
    { label: 'Ingresses', group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', namespaced: true },
    { label: 'EndpointSlices', group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', namespaced: true },
    { label: 'NetworkPolicies', group: 'networking.k8s.io', version: 'v1', resource: 'networkpolicies', namespaced: true },
  ] },
  { title: 'Config', kinds: [
    { label: 'ConfigMaps', group: '', version: 'v1', resource: 'configmaps', namespaced: true },
    { label: 'Secrets', group: '', version: 'v1', resource: 'secrets', namespaced: true },
  ] },
  { title: 'Storage', kinds: [
    { label: 'PersistentVolumeClaims', group: '', version: 'v1', resource: 'persistentvolumeclaims', namespaced: true },
    { label: 'PersistentVolumes', group: '', version: 'v1', resource: 'persistentvolumes', namespaced: false },
    { label: 'StorageClasses', group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses', namespaced: false },
  ] },
  { title: 'Access control', kinds: [
    { label: 'ServiceAccounts', group: '', version: 'v1', resource: 'serviceaccounts', namespaced: true },
    { label: 'Roles', group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'roles', namespaced: true },
    { label: 'RoleBindings', group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'rolebindings', namespaced: true },
    { label: 'ClusterRoles', group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterroles', namespaced: false },
    { label: 'ClusterRoleBindings', group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterrolebindings', namespaced: false },
  ] },
  { title: 'Cluster', kinds: [
    { label: 'Nodes', group: '', version: 'v1', resource: 'nodes', namespaced: false },
    { label: 'Namespaces', group: '', version: 'v1', resource: 'namespaces', namespaced: false },
    { label: 'Events', group: '', version: 'v1', resource: 'events', namespaced: true },
    { label: 'CRDs', group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions', namespaced: false },
  ] },
];
