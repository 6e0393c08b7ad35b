import { describe, expect, it } from 'vitest';
import { envFromText, envText, mountText, tolerationText, volumeText } from './podDescribe';

describe('podDescribe', () => {
  it('env values, and references instead of secret values', () => {
    expect(envText({ name: 'A', value: '1' })).toBe('1');
    expect(envText({ name: 'P', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } })).toBe("<set to the key 'password' in secret 'db'>");
    expect(envText({ name: 'C', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'mode', optional: true } } })).toBe("<set to the key 'mode' of config map 'cfg'> (optional)");
    expect(envText({ name: 'N', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } })).toBe('(v1:spec.nodeName)');
    expect(envFromText({ secretRef: { name: 's' }, prefix: 'X_' })).toBe('Secret s (prefix X_) · Optional: false');
  });
  it('mounts, volumes and tolerations as kubectl describe prints them', () => {
    expect(mountText({ name: 'cache', mountPath: '/data', readOnly: true })).toBe('/data from cache (ro)');
    expect(volumeText({ name: 'cfg', configMap: { name: 'settings' } })).toEqual({ type: 'configMap', detail: 'ConfigMap settings' });
    expect(volumeText({ name: 'tmp', emptyDir: {} })).toEqual({ type: 'emptyDir', detail: 'EmptyDir' });
    expect(tolerationText({ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 })).toBe('node.kubernetes.io/not-ready:NoExecute op=Exists for 300s');
    expect(tolerationText({ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' })).toBe('dedicated=gpu:NoSchedule');
  });
});
