// Which pods a drain evicts, skips or refuses: kubectl's pkg/drain/filters.go, as a pure function.

export interface DrainFilterOptions {
  force: boolean;
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
}

export type PodVerdict =
  | { evict: true; warning?: string }
  | { evict: false; skip: true; reason: string }
  | { evict: false; skip: false; error: string };

export interface PodLike {
  metadata?: { name?: string; namespace?: string; annotations?: Record<string, string>; ownerReferences?: { apiVersion?: string; kind?: string; name?: string; controller?: boolean }[] };
  spec?: { volumes?: { emptyDir?: unknown }[] };
  status?: { phase?: string };
}

export const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
export const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
export const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
export const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
export const UNMANAGED_FATAL = 'Pods that declare no controller (use --force to override)';
export const UNMANAGED_WARNING = 'deleting Pods that declare no controller';
export const MIRROR_POD = 'mirror Pod (managed by the kubelet, not the API server)';
const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

export function controllerOf(pod: PodLike) {
  return pod.metadata?.ownerReferences?.find((r) => r.controller === true);
}

/** The DaemonSet this pod's controller reference names, if it is one (apps/v1). */
export function daemonSetOwner(pod: PodLike): { namespace: string; name: string } | undefined {
  const ref = controllerOf(pod);
  if (!ref || ref.kind !== 'DaemonSet' || ref.apiVersion !== 'apps/v1' || !ref.name) return undefined;
  return { namespace: pod.metadata?.namespace ?? '', name: ref.name };
}

const finished = (pod: PodLike) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/**
 * The filters in kubectl's order (DaemonSet, mirror, local storage, unreplicated); the first that
 * does not delete decides, otherwise the last warning is kept. `daemonSetExists` answers for the
 * pod's DaemonSet, which kubectl GETs (an orphan of a deleted DaemonSet is deleted only with force).
 */
export function classifyPodForDrain(pod: PodLike, opts: DrainFilterOptions, daemonSetExists: (ns: string, name: string) => boolean): PodVerdict {
  let warning: string | undefined;

  const ds = daemonSetOwner(pod);
  if (ds && !finished(pod)) {
    if (!daemonSetExists(ds.namespace, ds.name)) {
      const missing = `daemonsets.apps "${ds.name}" not found`;
      if (!opts.force) return { evict: false, skip: false, error: missing };
      warning = missing;
    } else if (!opts.ignoreDaemonSets) {
      return { evict: false, skip: false, error: DAEMONSET_FATAL };
    } else {
      return { evict: false, skip: true, reason: DAEMONSET_WARNING };
    }
  }

  if (pod.metadata?.annotations?.[MIRROR_ANNOTATION] !== undefined) return { evict: false, skip: true, reason: MIRROR_POD };

  if ((pod.spec?.volumes ?? []).some((v) => v.emptyDir !== undefined && v.emptyDir !== null) && !finished(pod)) {
    if (!opts.deleteEmptyDirData) return { evict: false, skip: false, error: LOCAL_STORAGE_FATAL };
    warning = LOCAL_STORAGE_WARNING;
  }

  if (!finished(pod) && !controllerOf(pod)) {
    if (!opts.force) return { evict: false, skip: false, error: UNMANAGED_FATAL };
    warning = UNMANAGED_WARNING;
  }

  return warning ? { evict: true, warning } : { evict: true };
}
