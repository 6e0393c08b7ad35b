import type { ContainerPortInfo, ServicePortInfo } from '../topology/networkParts';

/**
 * The pod port a Service port sends to, as the EndpointSlice controller resolves it (k8s.io/kubernetes
 * pkg/api/v1/pod FindPort): a number is used as is; a name is looked up among the pod's containers'
 * ports with the same name and protocol, first match wins. undefined: the pod does not expose that
 * name, so the controller leaves the pod out of this port's endpoints.
 */
export function resolveTargetPort(port: ServicePortInfo, containerPorts: readonly ContainerPortInfo[] | undefined): number | undefined {
  if (typeof port.targetPort === 'number') return port.targetPort;
  const found = (containerPorts ?? []).find((c) => c.name === port.targetPort && c.protocol === port.protocol);
  return found?.containerPort;
}

/** Whether any container declares this number (declaring is informational; the warning says so). */
export const declaresPort = (containerPorts: readonly ContainerPortInfo[] | undefined, n: number, protocol: string): boolean =>
  (containerPorts ?? []).some((c) => c.containerPort === n && c.protocol === protocol);
