import { memo, type ReactNode } from 'react';
import { topologyKind } from './topologyKinds';

/** Line glyphs on a 16×16 grid, drawn with currentColor on the kind family's tint. No icon font. */
const glyphs: Record<string, ReactNode> = {
  Deployment: <><rect x="3" y="3" width="10" height="4" rx="1" /><rect x="3" y="9" width="10" height="4" rx="1" /><path d="M8 7v2" /></>,
  ReplicaSet: <><rect x="2.5" y="5" width="7" height="7" rx="1" /><path d="M6 3h6.5a1 1 0 0 1 1 1v6.5" /></>,
  StatefulSet: <><rect x="3" y="2.5" width="10" height="3" rx="1" /><rect x="3" y="6.5" width="10" height="3" rx="1" /><rect x="3" y="10.5" width="10" height="3" rx="1" /></>,
  DaemonSet: <><rect x="2.5" y="2.5" width="4.5" height="4.5" rx="1" /><rect x="9" y="2.5" width="4.5" height="4.5" rx="1" /><rect x="2.5" y="9" width="4.5" height="4.5" rx="1" /><rect x="9" y="9" width="4.5" height="4.5" rx="1" /></>,
  Pod: <><path d="M8 2 13.2 5v6L8 14 2.8 11V5z" /><path d="M2.8 5 8 8l5.2-3M8 8v6" /></>,
  PodGroup: <><path d="M6 3.5 10 5.8v4.4L6 12.5 2 10.2V5.8z" /><path d="M10 3.5l4 2.3v4.4l-2 1.15" /></>,
  Service: <><circle cx="8" cy="4" r="2" /><circle cx="3.5" cy="12" r="2" /><circle cx="12.5" cy="12" r="2" /><path d="M7 5.8 4.5 10.2M9 5.8l2.5 4.4" /></>,
  Ingress: <><path d="M2 8h7M6.5 5 9.5 8l-3 3" /><path d="M9 2.5h3.5a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H9" /></>,
  HorizontalPodAutoscaler: <><path d="M2 8h12M5 5 2 8l3 3M11 5l3 3-3 3" /></>,
  Job: <><circle cx="8" cy="8" r="5.5" /><path d="m5.5 8 1.8 1.8L10.8 6.3" /></>,
  CronJob: <><circle cx="8" cy="8" r="5.5" /><path d="M8 4.8V8l2.2 1.6" /></>,
  ConfigMap: <><path d="M4 2.5h5.5L12.5 5.5v8h-8.5z" /><path d="M6 8h4.5M6 10.5h4.5" /></>,
  Secret: <><rect x="3" y="7" width="10" height="6.5" rx="1" /><path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" /></>,
  PersistentVolumeClaim: <><ellipse cx="8" cy="4" rx="5" ry="1.8" /><path d="M3 4v8c0 1 2.2 1.8 5 1.8s5-.8 5-1.8V4" /><path d="M3 8c0 1 2.2 1.8 5 1.8s5-.8 5-1.8" /></>,
  PersistentVolume: <><ellipse cx="8" cy="4" rx="5" ry="1.8" /><path d="M3 4v8c0 1 2.2 1.8 5 1.8s5-.8 5-1.8V4" /></>,
};

const fallback = <rect x="3" y="3" width="10" height="10" rx="2" />;

export const KindIcon = memo(function KindIcon({ kind, size = 22 }: { kind: string; size?: number }) {
  const family = kind === 'PodGroup' ? 'pod' : (topologyKind(kind)?.family ?? 'other');
  return (
    <span className={`kind-icon family-${family}`} style={{ width: size, height: size }} aria-hidden="true">
      <svg viewBox="0 0 16 16" width={size - 8} height={size - 8} fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round">
        {glyphs[kind] ?? fallback}
      </svg>
    </span>
  );
});
