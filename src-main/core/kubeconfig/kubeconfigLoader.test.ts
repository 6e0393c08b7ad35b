import { describe, expect, it } from 'vitest';
import { parseKubeconfig, resolveContext, InvalidContextError, UnknownContextError } from './kubeconfigLoader';

const text = `
apiVersion: v1
kind: Config
current-context: dev
clusters:
- name: dev-cluster
  cluster:
    server: https://dev.example:6443/
    certificate-authority: certs/ca.crt
    tls-server-name: api.internal
    proxy-url: socks5://127.0.0.1:1080
- name: insecure
  cluster: { server: https://1.2.3.4, insecure-skip-tls-verify: true }
- name: no-server
  cluster: {}
users:
- name: alice
  user:
    client-certificate: /abs/alice.crt
    client-key: alice.key
    tokenFile: tok
    as: bob
    as-groups: [g1, g2]
- name: sso
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: ./bin/login
      args: [--x]
      env: [{ name: A, value: b }]
      interactiveMode: Never
      provideClusterInfo: true
- name: path-plugin
  user: { exec: { command: aws } }
contexts:
- name: dev
  context: { cluster: dev-cluster, user: alice, namespace: team }
- name: broken
  context: { cluster: no-server, user: alice }
- name: dangling
  context: { cluster: gone }
`;

describe('parseKubeconfig', () => {
  const cfg = parseKubeconfig(text, '/home/me/.kube');

  it('reads kubectl fields and resolves relative paths against the file, like client-go', () => {
    expect(cfg.currentContext).toBe('dev');
    expect(cfg.clusters[0]).toEqual({
      name: 'dev-cluster', server: 'https://dev.example:6443', caFile: '/home/me/.kube/certs/ca.crt', tlsServerName: 'api.internal', proxyUrl: 'socks5://127.0.0.1:1080',
    });
    expect(cfg.clusters[1]).toEqual({ name: 'insecure', server: 'https://1.2.3.4', skipTLSVerify: true });
    expect(cfg.users[0]).toEqual({
      name: 'alice', certFile: '/abs/alice.crt', keyFile: '/home/me/.kube/alice.key', tokenFile: '/home/me/.kube/tok', impersonateUser: 'bob', impersonateGroups: ['g1', 'g2'],
    });
    // An exec command with a path separator is relative to the file; a bare name is looked up on PATH.
    expect(cfg.users[1].exec).toEqual({
      apiVersion: 'client.authentication.k8s.io/v1', command: '/home/me/.kube/bin/login', args: ['--x'], env: [{ name: 'A', value: 'b' }], interactiveMode: 'Never', provideClusterInfo: true,
    });
    expect(cfg.users[2].exec?.command).toBe('aws');
    expect(cfg.contexts[0]).toEqual({ name: 'dev', cluster: 'dev-cluster', user: 'alice', namespace: 'team' });
  });

  it('resolves a context to its cluster and user, with specific errors', () => {
    const loaded = { files: ['/home/me/.kube/config'], errors: [], ...cfg };
    expect(resolveContext(loaded, 'dev').user.name).toBe('alice');
    expect(() => resolveContext(loaded, 'nope')).toThrow(UnknownContextError);
    expect(() => resolveContext(loaded, 'broken')).toThrow(/no server address/);
    expect(() => resolveContext(loaded, 'dangling')).toThrow(InvalidContextError);
  });

  it('rejects a document that is not a mapping', () => {
    expect(() => parseKubeconfig('- a\n- b\n', '/')).toThrow(/not a kubeconfig/);
  });
});
