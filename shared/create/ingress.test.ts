import { describe, expect, it } from 'vitest';
import { buildIngress } from './ingress';

describe('kubectl create ingress', () => {
  it('two rules, tls with a secret, Exact and Prefix paths, named and numbered ports, class', () => {
    const ing = buildIngress({ name: 'i', namespace: 'n', className: 'nginx', rules: ['foo.com/bar=svc1:8080,tls=my-cert', 'bar.com/admin*=svc2:http'] });
    expect(ing.spec).toEqual({
      ingressClassName: 'nginx',
      rules: [
        { host: 'foo.com', http: { paths: [{ backend: { service: { name: 'svc1', port: { number: 8080 } } }, path: '/bar', pathType: 'Exact' }] } },
        { host: 'bar.com', http: { paths: [{ backend: { service: { name: 'svc2', port: { name: 'http' } } }, path: '/admin', pathType: 'Prefix' }] } },
      ],
      tls: [{ hosts: ['foo.com'], secretName: 'my-cert' }],
    });
  });

  it('paths of one host join one rule; tls without a secret groups hosts', () => {
    const ing = buildIngress({ name: 'i', namespace: 'n', rules: ['a.com/=s:80,tls', 'a.com/x*=t:81', 'b.com/=s:80,tls'] });
    expect(ing.spec.rules).toHaveLength(2);
    expect(ing.spec.rules[0].http.paths.map((p: any) => p.path)).toEqual(['/', '/x']);
    expect(ing.spec.tls).toEqual([{ hosts: ['a.com', 'b.com'] }]);
  });

  it('a malformed rule is refused in kubectl words', () => {
    expect(() => buildIngress({ name: 'i', namespace: 'n', rules: ['foo.com=svc'] })).toThrow(/host\/path=svcname:svcport/);
  });
});
