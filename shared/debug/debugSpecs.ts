// What `kubectl debug` creates, built the same way (kubectl pkg/cmd/debug/debug.go and profiles.go,
// profile "general"): the ephemeral container added to a pod, and the node-debugger pod. Pure, so the
// core sends exactly this and tests compare it with what kubectl made.

/** Images offered in the debug dialog; any other may be typed. */
export const DEBUG_IMAGES = ['busybox', 'nicolaka/netshoot', 'alpine', 'ubuntu'] as const;

/** kubectl's random suffix alphabet (k8s.io/apimachinery/pkg/util/rand: no vowels, no 0/1/3). */
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function randomSuffix(n = 5, random: () => number = Math.random): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return s;
}

/** `debugger-xxxxx`, not already used by a container of the pod (kubectl's computeDebugContainerName). */
export function debugContainerName(pod: any, random?: () => number): string {
  const used = new Set<string>([
    ...(pod?.spec?.containers ?? []), ...(pod?.spec?.initContainers ?? []), ...(pod?.spec?.ephemeralContainers ?? []),
  ].map((c: any) => c?.name));
  for (;;) {
    const name = `debugger-${randomSuffix(5, random)}`;
    if (!used.has(name)) return name;
  }
}

/** `kubectl debug -it pod/x --image=IMG [--target=C] --profile=general`'s ephemeral container. */
export function ephemeralDebugContainer(o: { name: string; image: string; target?: string }): Record<string, unknown> {
  return {
    name: o.name,
    image: o.image,
    stdin: true,
    terminationMessagePolicy: 'File',
    tty: true,
    ...(o.target ? { targetContainerName: o.target } : {}),
    // general profile, ephemeral style: allowProcessTracing.
    securityContext: { capabilities: { add: ['SYS_PTRACE'] } },
  };
}

/**
 * The strategic-merge patch of the `ephemeralcontainers` subresource that adds it: the two-way patch
 * kubectl computes from the pod to the pod plus the container (ephemeralContainers merge by name).
 */
export function ephemeralPatch(pod: any, container: Record<string, unknown>): Record<string, unknown> {
  const existing: any[] = pod?.spec?.ephemeralContainers ?? [];
  return {
    spec: {
      ...(existing.length ? { '$setElementOrder/ephemeralContainers': [...existing.map((c) => ({ name: c.name })), { name: container.name }] } : {}),
      ephemeralContainers: [container],
    },
  };
}

/** `node-debugger-<node>-xxxxx`. */
export function nodeDebugPodName(node: string, random?: () => number): string {
  return `node-debugger-${node}-${randomSuffix(5, random)}`;
}

/** `kubectl debug node/N -it --image=IMG --profile=general`'s pod. */
export function nodeDebugPod(o: { name: string; node: string; image: string; namespace: string }): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: o.name, namespace: o.namespace, labels: { 'app.kubernetes.io/managed-by': 'kubectl-debug' } },
    spec: {
      containers: [{
        name: 'debugger',
        image: o.image,
        stdin: true,
        terminationMessagePolicy: 'File',
        tty: true,
        volumeMounts: [{ mountPath: '/host', name: 'host-root' }],
      }],
      nodeName: o.node,
      restartPolicy: 'Never',
      tolerations: [{ operator: 'Exists' }],
      volumes: [{ name: 'host-root', hostPath: { path: '/' } }],
      hostNetwork: true,
      hostPID: true,
      hostIPC: true,
    },
  };
}

/** An image reference people may type: no spaces or control characters, not empty. */
export function imageProblem(image: string): string | undefined {
  if (!image.trim()) return 'Choose or type an image.';
  if (/\s/.test(image) || [...image].some((c) => c.charCodeAt(0) < 32)) return 'An image reference has no spaces.';
  if (image.length > 512) return 'That image reference is too long.';
  return undefined;
}
