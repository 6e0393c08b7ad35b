// `kubectl create ingress NAME --rule=host/path=service:port[,tls[=secret]] [--class=C]`
// (kubectl pkg/cmd/create/create_ingress.go): one rule per host (paths appended in order), a path
// ending in '*' is a Prefix path and any other Exact, and TLS entries grouped by secret.
import { CreateInputError, intOrString, requireName, requireNamespace } from './createInput';

const RULE = /^([\w*\-.]*)(\/.*)=([\w-]+):([\w-]+)(,(tls)=?([\w-]+)?)?$/;

export interface IngressInput { name: string; namespace: string; rules: string[]; className?: string; defaultBackend?: string; annotations?: string[] }

function backend(svc: string): Record<string, any> {
  const [name, port] = svc.split(':');
  const p = intOrString(port);
  return { service: { name, port: typeof p === 'number' ? { number: p } : { name: p } } };
}

export function buildIngress(p: IngressInput): Record<string, any> {
  const name = requireName('Ingress', p.name);
  const namespace = requireNamespace(p.namespace);
  const rules = p.rules.map((r) => r.trim()).filter(Boolean);
  if (rules.length === 0 && !p.defaultBackend?.trim()) throw new CreateInputError('rules', 'not enough information provided: every Ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)');
  for (const r of rules) if (!RULE.test(r)) throw new CreateInputError('rules', `rule ${r} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
  if (p.defaultBackend?.trim() && !/^[\w-]+:[\w-]+$/.test(p.defaultBackend.trim())) throw new CreateInputError('defaultBackend', `default-backend should be in format servicename:serviceport`);

  const tls: { hosts?: string[]; secretName?: string }[] = [];
  const tlsHosts = new Set<string>();
  for (const r of rules) {
    const parts = r.split(',');
    if (parts.length !== 2) continue;
    const host = r.split('/')[0];
    const secret = parts[1].split('=')[1] ?? '';
    if (tlsHosts.has(host)) continue;
    tlsHosts.add(host);
    const same = tls.find((t) => (t.secretName ?? '') === secret);
    if (same) { (same.hosts ??= []).push(host); continue; }
    const entry: { hosts?: string[]; secretName?: string } = {};
    if (host) entry.hosts = [host];
    if (secret) entry.secretName = secret;
    if (entry.hosts || entry.secretName) tls.push(entry);
  }

  const out: { host?: string; http: { paths: any[] } }[] = [];
  for (const r of rules) {
    const noTls = r.split(',')[0];
    const slash = noTls.indexOf('/');
    const host = noTls.slice(0, slash);
    const [pathPart, svc] = noTls.slice(slash + 1).split('=');
    let path = `/${pathPart}`;
    let pathType = 'Exact';
    if (path.endsWith('*')) { pathType = 'Prefix'; path = path.slice(0, -1); }
    const entry = { backend: backend(svc), path, pathType };
    const same = out.find((x) => (x.host ?? '') === host);
    if (same) same.http.paths.push(entry);
    else out.push({ ...(host ? { host } : {}), http: { paths: [entry] } });
  }

  const annotations = Object.fromEntries((p.annotations ?? []).filter((a) => a.trim()).map((a) => {
    const at = a.indexOf('=');
    if (at < 0) throw new CreateInputError('annotations', `annotation ${a} is invalid and should be in format key=[value]`);
    return [a.slice(0, at), a.slice(at + 1)];
  }));
  return {
    apiVersion: 'networking.k8s.io/v1', kind: 'Ingress',
    metadata: { ...(Object.keys(annotations).length ? { annotations } : {}), name, namespace },
    spec: {
      ...(p.defaultBackend?.trim() ? { defaultBackend: backend(p.defaultBackend.trim()) } : {}),
      ...(p.className?.trim() ? { ingressClassName: p.className.trim() } : {}),
      ...(out.length ? { rules: out } : {}),
      ...(tls.length ? { tls } : {}),
    },
    status: { loadBalancer: {} },
  };
}
