import { describe, expect, it } from 'vitest';
import { debugContainerName, ephemeralDebugContainer, ephemeralPatch, imageProblem, nodeDebugPod, nodeDebugPodName } from './debugSpecs';

// Field-by-field equality with what kubectl itself creates is src-main/core/debug/debugPods.int.test.ts.
describe('kubectl debug specs', () => {
  it('names debug containers debugger-xxxxx from kubectl\'s alphabet, avoiding names in use', () => {
    let i = 0;
    const seq = [0, 0, 0, 0, 0, 0.99, 0.99, 0.99, 0.99, 0.99];
    const random = () => seq[i++ % seq.length];
    expect(debugContainerName({ spec: { containers: [{ name: 'debugger-bbbbb' }] } }, random)).toBe('debugger-99999');
    expect(nodeDebugPodName('n1', () => 0)).toBe('node-debugger-n1-bbbbb');
  });

  it('adds the container by a strategic-merge patch that keeps the earlier ones in order', () => {
    const c = ephemeralDebugContainer({ name: 'debugger-abcde', image: 'busybox', target: 'app' });
    expect(c).toEqual({ name: 'debugger-abcde', image: 'busybox', stdin: true, tty: true, terminationMessagePolicy: 'File', targetContainerName: 'app', securityContext: { capabilities: { add: ['SYS_PTRACE'] } } });
    expect(ephemeralPatch({ spec: {} }, c)).toEqual({ spec: { ephemeralContainers: [c] } });
    expect(ephemeralPatch({ spec: { ephemeralContainers: [{ name: 'debugger-old' }] } }, c)).toEqual({
      spec: { '$setElementOrder/ephemeralContainers': [{ name: 'debugger-old' }, { name: 'debugger-abcde' }], ephemeralContainers: [c] },
    });
    expect(ephemeralDebugContainer({ name: 'd', image: 'alpine' })).not.toHaveProperty('targetContainerName');
  });

  it('builds the node-debugger pod with the host namespaces and / at /host', () => {
    const p = nodeDebugPod({ name: 'node-debugger-n1-abcde', node: 'n1', image: 'busybox', namespace: 'default' }) as any;
    expect(p.spec).toMatchObject({ nodeName: 'n1', restartPolicy: 'Never', hostPID: true, hostNetwork: true, hostIPC: true, tolerations: [{ operator: 'Exists' }] });
    expect(p.spec.containers[0].volumeMounts).toEqual([{ mountPath: '/host', name: 'host-root' }]);
    expect(p.metadata.labels).toEqual({ 'app.kubernetes.io/managed-by': 'kubectl-debug' });
  });

  it('says what is wrong with a typed image', () => {
    expect(imageProblem('')).toMatch(/Choose or type/);
    expect(imageProblem('busy box')).toMatch(/no spaces/);
    expect(imageProblem('ghcr.io/a/b:1.2@sha256:00')).toBeUndefined();
  });
});
