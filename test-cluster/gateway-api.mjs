// The Gateway API CRDs (standard channel, pinned by GATEWAY_API_VERSION; fetch-gateway-api.sh copies
// them from the Go module into their own cache folder) and the demo's Gateway objects. Nobody runs a
// Gateway controller in the test cluster: the objects carry no status until a test plays one.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { cacheDir, readVersions, TEST_CLUSTER_DIR } from './paths.mjs';

export const GATEWAY_GROUP = 'gateway.networking.k8s.io';
/** The CRDs the demo and the app rely on (the bundle has more: ReferenceGrant, UDPRoute...). */
export const GATEWAY_CRDS = ['gatewayclasses', 'gateways', 'httproutes', 'grpcroutes', 'tlsroutes', 'tcproutes'].map((r) => `${r}.${GATEWAY_GROUP}`);
/** The controller the demo GatewayClass names; no process implements it. */
export const DEMO_GATEWAY_CONTROLLER = 'wheelhouse.dev/no-gateway-controller';

export function gatewayApiVersion() {
  const v = readVersions().GATEWAY_API_VERSION;
  if (!v) throw new Error('test-cluster/versions.env has no GATEWAY_API_VERSION');
  return v;
}

export function gatewayCrdDir() {
  return path.join(cacheDir(), 'crds', `gateway-api-${gatewayApiVersion()}`);
}

/** Fetches the CRDs when they are not cached yet (the Go module proxy; about a second); returns the folder. */
export function ensureGatewayApiCrds() {
  const dir = gatewayCrdDir();
  if (existsSync(path.join(dir, '.complete'))) return dir;
  const r = spawnSync('bash', [path.join(TEST_CLUSTER_DIR, 'fetch-gateway-api.sh')], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 });
  if (r.status !== 0 || !existsSync(path.join(dir, '.complete'))) throw new Error(`test-cluster/fetch-gateway-api.sh failed (exit ${r.status})`);
  return dir;
}

/** The demo's GatewayClass, Gateway and routes (namespace demo), routing to the demo Services web and api. */
export function demoGatewayObjects(ns = 'demo') {
  const parent = { group: GATEWAY_GROUP, kind: 'Gateway', name: 'web-gateway' };
  return [
    {
      apiVersion: `${GATEWAY_GROUP}/v1`,
      kind: 'GatewayClass',
      metadata: { name: 'wheelhouse' },
      spec: { controllerName: DEMO_GATEWAY_CONTROLLER, description: 'Demo class: no controller implements it in the test cluster.' },
    },
    {
      apiVersion: `${GATEWAY_GROUP}/v1`,
      kind: 'Gateway',
      metadata: { name: 'web-gateway', namespace: ns },
      spec: {
        gatewayClassName: 'wheelhouse',
        // TEST-NET-1 (RFC 5737): an address the demo asks for; no controller assigns it.
        addresses: [{ type: 'IPAddress', value: '192.0.2.10' }],
        listeners: [
          { name: 'http', protocol: 'HTTP', port: 80, hostname: '*.demo.wheelhouse.test', allowedRoutes: { namespaces: { from: 'Same' } } },
          { name: 'grpc', protocol: 'HTTP', port: 8080, allowedRoutes: { namespaces: { from: 'Same' }, kinds: [{ kind: 'GRPCRoute' }] } },
        ],
      },
    },
    {
      apiVersion: `${GATEWAY_GROUP}/v1`,
      kind: 'HTTPRoute',
      metadata: { name: 'web-split', namespace: ns },
      spec: {
        parentRefs: [{ ...parent, sectionName: 'http' }],
        hostnames: ['shop.demo.wheelhouse.test'],
        rules: [
          // A canary split: 90 % to web, 10 % to api.
          { matches: [{ path: { type: 'PathPrefix', value: '/' } }], backendRefs: [{ name: 'web', port: 80, weight: 90 }, { name: 'api', port: 80, weight: 10 }] },
          { matches: [{ path: { type: 'PathPrefix', value: '/api' } }], backendRefs: [{ name: 'api', port: 80 }] },
        ],
      },
    },
    {
      apiVersion: `${GATEWAY_GROUP}/v1`,
      kind: 'GRPCRoute',
      metadata: { name: 'api-grpc', namespace: ns },
      spec: {
        parentRefs: [{ ...parent, sectionName: 'grpc' }],
        rules: [{ matches: [{ method: { service: 'orders.v1.Orders' } }], backendRefs: [{ name: 'api', port: 80 }] }],
      },
    },
  ];
}
