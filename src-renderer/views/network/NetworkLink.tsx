import { formatRoute } from '../../app/route';
import { Section } from '../details/bits';

/** The kinds whose details link to the Network view narrowed to the paths through them. */
export const NETWORK_KINDS: ReadonlySet<string> = new Set(['Service', 'Ingress', 'Gateway', 'HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute']);

export function NetworkLink({ context, kind, obj }: { context: string; kind: string; obj: any }) {
  const ns: string | undefined = obj?.metadata?.namespace;
  const name: string | undefined = obj?.metadata?.name;
  if (!ns || !name) return null;
  return (
    <Section title="Traffic" testId="dp-network">
      <a href={formatRoute({ context, view: 'network', params: { ns, via: `${kind}/${name}` } })} data-testid="dp-network-link">
        Show where traffic through this {kind} goes (Network view)
      </a>
    </Section>
  );
}
