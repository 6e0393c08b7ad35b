import { describe, expect, it } from 'vitest';
import { containerChoices, containerLabel, defaultContainerName } from './podContainers';

const pod = (annotations?: Record<string, string>) => ({
  metadata: { annotations },
  spec: { containers: [{ name: 'web' }, { name: 'sidecar' }], initContainers: [{ name: 'setup' }], ephemeralContainers: [{ name: 'debugger-abcde' }] },
  status: {
    containerStatuses: [{ name: 'web', state: { running: {} } }, { name: 'sidecar', state: { running: {} } }],
    initContainerStatuses: [{ name: 'setup', state: { terminated: {} } }],
  },
});

describe('podContainers', () => {
  it('defaults to the first regular container, like kubectl', () => {
    expect(defaultContainerName(pod())).toBe('web');
  });
  it('honours the default-container annotation when it names a container of the pod', () => {
    expect(defaultContainerName(pod({ 'kubectl.kubernetes.io/default-container': 'sidecar' }))).toBe('sidecar');
    expect(defaultContainerName(pod({ 'kubectl.kubernetes.io/default-container': 'gone' }))).toBe('web');
  });
  it('lists regular, init and ephemeral containers with the default marked', () => {
    const c = containerChoices(pod({ 'kubectl.kubernetes.io/default-container': 'sidecar' }));
    expect(c.map(containerLabel)).toEqual(['web', 'sidecar (default)', 'setup (init, terminated)', 'debugger-abcde (ephemeral)']);
    expect(containerChoices(undefined)).toEqual([]);
  });
});
