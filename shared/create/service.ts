// `kubectl create service clusterip|nodeport|loadbalancer NAME --tcp=port[:targetPort]`
// (kubectl pkg/cmd/create/create_service.go): label and selector app=NAME, one TCP port per --tcp
// named "port-targetPort".
import { CreateInputError, intOrString, parsePortNumber, portNameProblem, requireName, requireNamespace } from './createInput';

export type CreateServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer';

export interface ServiceInput {
  type: CreateServiceType;
  name: string;
  namespace: string;
  /** `--tcp` values: `port` or `port:targetPort` (a number or a port name). */
  tcp: string[];
  /** `--node-port` (NodePort only). */
  nodePort?: string;
  /** `--clusterip` (ClusterIP only; "None" for a headless service). */
  clusterIP?: string;
}

/** One `--tcp` value as a port (kubectl's parsePorts). */
export function parseTcp(text: string): { port: number; targetPort: number | string } {
  const [p, t] = text.trim().split(':');
  const port = parsePortNumber(p, 'tcp');
  if (t === undefined) return { port, targetPort: port };
  if (/^\d+$/.test(t)) return { port, targetPort: parsePortNumber(t, 'tcp') };
  const bad = portNameProblem(t);
  if (bad) throw new CreateInputError('tcp', `target port "${t}": ${bad}`);
  return { port, targetPort: intOrString(t) };
}

export function buildService(p: ServiceInput): Record<string, any> {
  const name = requireName('Service', p.name);
  const namespace = requireNamespace(p.namespace);
  const headless = p.type === 'ClusterIP' && p.clusterIP?.trim() === 'None';
  const tcp = p.tcp.map((t) => t.trim()).filter(Boolean);
  if (tcp.length === 0 && !headless) throw new CreateInputError('tcp', 'at least one tcp port specifier must be provided (for example 80:8080)');
  const nodePort = p.type === 'NodePort' && p.nodePort?.trim() ? parsePortNumber(p.nodePort, 'nodePort') : undefined;
  const ports = tcp.map((t) => {
    const { port, targetPort } = parseTcp(t);
    return { name: t.replace(/:/g, '-'), ...(nodePort ? { nodePort } : {}), port, protocol: 'TCP', targetPort };
  });
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { labels: { app: name }, name, namespace },
    spec: {
      ...(p.type === 'ClusterIP' && p.clusterIP?.trim() ? { clusterIP: p.clusterIP.trim() } : {}),
      ports, selector: { app: name }, type: p.type,
    },
    status: { loadBalancer: {} },
  };
}
