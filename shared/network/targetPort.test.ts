import { describe, expect, it } from 'vitest';
import { declaresPort, resolveTargetPort } from './targetPort';

const ports = [
  { container: 'a', name: 'http', containerPort: 8080, protocol: 'TCP' },
  { container: 'b', name: 'http', containerPort: 9090, protocol: 'TCP' },
  { container: 'b', name: 'dns', containerPort: 53, protocol: 'UDP' },
];

describe('resolveTargetPort', () => {
  it('uses a number as is, even when no container declares it', () => {
    expect(resolveTargetPort({ port: 80, targetPort: 1234, protocol: 'TCP' }, ports)).toBe(1234);
  });
  it('looks a name up by name and protocol, first container first', () => {
    expect(resolveTargetPort({ port: 80, targetPort: 'http', protocol: 'TCP' }, ports)).toBe(8080);
    expect(resolveTargetPort({ port: 53, targetPort: 'dns', protocol: 'UDP' }, ports)).toBe(53);
    expect(resolveTargetPort({ port: 53, targetPort: 'dns', protocol: 'TCP' }, ports)).toBeUndefined();
    expect(resolveTargetPort({ port: 80, targetPort: 'web', protocol: 'TCP' }, ports)).toBeUndefined();
    expect(resolveTargetPort({ port: 80, targetPort: 'http', protocol: 'TCP' }, undefined)).toBeUndefined();
  });
  it('declaresPort matches number and protocol', () => {
    expect(declaresPort(ports, 53, 'UDP')).toBe(true);
    expect(declaresPort(ports, 53, 'TCP')).toBe(false);
  });
});
