// `kubectl expose` (kubectl pkg/cmd/expose/expose.go with polymorphichelpers'
// mapbasedselectorforobject, portsforobject, multiprotocolsforobject, canbeexposed): the Service it
// would create for a Deployment, ReplicaSet, Pod, Service or ReplicationController.
import { CreateInputError, intOrString, requireName } from './createInput';
import { hasCapability } from '../model/kinds';

export interface ExposeOptions {
  /** `--port` (default: the object's ports). */
  port?: string;
  /** `--target-port` (default: each port itself). */
  targetPort?: string;
  /** `--type` (default ClusterIP, left to the server). */
  type?: string;
  /** `--name` (default: the object's name, cut to 63). */
  name?: string;
  /** `--protocol` (default: the object's per-port protocols, else TCP). */
  protocol?: string;
}

/** The map-based selector kubectl reads from the object, or why it cannot. */
export function selectorForObject(obj: any): Record<string, string> {
  const kind = obj?.kind;
  const fromSelector = (what: string) => {
    const s = obj?.spec?.selector;
    if (!s || !s.matchLabels || Object.keys(s.matchLabels).length === 0) throw new CreateInputError('selector', `invalid ${what}: no selectors, therefore cannot be exposed`);
    if (s.matchExpressions?.length) throw new CreateInputError('selector', `couldn't convert expressions - "${JSON.stringify(s.matchExpressions)}" to map-based selector format`);
    return s.matchLabels as Record<string, string>;
  };
  switch (kind) {
    case 'Deployment': return fromSelector('deployment');
    case 'ReplicaSet': return fromSelector('replicaset');
    case 'ReplicationController': return obj.spec?.selector ?? {};
    case 'Pod':
      if (!obj.metadata?.labels || Object.keys(obj.metadata.labels).length === 0) throw new CreateInputError('selector', 'the pod has no labels and cannot be exposed');
      return obj.metadata.labels;
    case 'Service':
      if (!obj.spec?.selector) throw new CreateInputError('selector', 'the service has no pod selector set');
      return obj.spec.selector;
    default: throw new CreateInputError('kind', `cannot expose a ${kind ?? 'object without a kind'}`);
  }
}

const podSpecOf = (obj: any) => (obj?.kind === 'Pod' ? obj.spec : obj?.spec?.template?.spec) ?? {};

/** Ports in order without repeats, and each port's protocols (TCP where none is named). */
export function portsForObject(obj: any): { ports: string[]; protocols: Map<string, string[]> } {
  const ports: string[] = [];
  const protocols = new Map<string, string[]>();
  const list: any[] = obj?.kind === 'Service'
    ? (obj.spec?.ports ?? []).map((p: any) => ({ port: p.port, protocol: p.protocol }))
    : (podSpecOf(obj).containers ?? []).flatMap((c: any) => (c.ports ?? []).map((p: any) => ({ port: p.containerPort, protocol: p.protocol })));
  for (const p of list) {
    const key = String(p.port);
    if (!ports.includes(key)) ports.push(key);
    protocols.set(key, [...(protocols.get(key) ?? []), p.protocol || 'TCP']);
  }
  return { ports, protocols };
}

/** The Service `kubectl expose KIND NAME [flags]` creates, in the object's namespace. */
export function buildExposeService(obj: any, o: ExposeOptions = {}): Record<string, any> {
  if (!hasCapability(obj?.kind, 'exposable')) throw new CreateInputError('kind', `cannot expose a ${obj?.kind ?? 'object without a kind'}`);
  const selector = selectorForObject(obj);
  const name = o.name?.trim() || String(obj.metadata?.name ?? '').slice(0, 63);
  requireName('Service', name, 'name');
  const found = portsForObject(obj);
  let portText = o.port?.trim() ?? '';
  if (!portText) {
    if (found.ports.length === 0) throw new CreateInputError('port', "couldn't find port via --port flag or introspection: give a port");
    portText = found.ports.join(',');
  }
  const portStrings = portText.split(',');
  const protocolFlag = o.protocol?.trim() ?? '';
  const ports: Record<string, any>[] = [];
  portStrings.forEach((text, i) => {
    if (!/^\d+$/.test(text)) throw new CreateInputError('port', `strconv.Atoi: parsing "${text}": invalid syntax`);
    const port = Number(text);
    const name = portStrings.length > 1 ? `port-${i + 1}` : '';
    let protocol = protocolFlag;
    if (!protocol) {
      const known = found.protocols.get(text);
      if (known && known.length > 1) {
        for (const proto of known) ports.push({ name: `port-${i + 1}-${proto.toLowerCase()}`, port, protocol: proto });
        return;
      }
      protocol = known?.[0] ?? 'TCP';
    }
    ports.push({ ...(name ? { name } : {}), port, protocol });
  });
  for (const p of ports) p.targetPort = o.targetPort?.trim() ? intOrString(o.targetPort.trim()) : p.port;
  const labels = obj.metadata?.labels && Object.keys(obj.metadata.labels).length ? { ...obj.metadata.labels } : undefined;
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { ...(labels ? { labels } : {}), name, namespace: obj.metadata?.namespace },
    spec: { ports, selector: { ...selector }, ...(o.type?.trim() ? { type: o.type.trim() } : {}) },
    status: { loadBalancer: {} },
  };
}
