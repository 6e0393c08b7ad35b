// KWOK configuration for the test cluster: pod lifecycle stages, and the kubelet-endpoint simulation
// (ClusterLogs, ClusterExec, ClusterPortForward) that makes `kubectl logs/exec/port-forward` work
// through the API server. All of it goes into one --config file (no KWOK CRDs are installed, so nothing
// here is editable from the cluster). Kinds and fields are those of KWOK v0.7.0
// (pkg/apis/v1alpha1 and pkg/apis/config/v1alpha1 of sigs.k8s.io/kwok@v0.7.0).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { kwokMetricsDocs } from './kwok-metrics-config.mjs';

/** Pods carrying this label (value "true") run but never become Ready. */
export const STUCK_LABEL = 'wheelhouse.dev/stuck';

/** Container name → log file (under <stateDir>/pod-logs). Every other container gets default.log. */
export const LOG_FILES = {
  web: 'web.log',
  api: 'api.log',
  hostile: 'hostile.log',
};

const notDeleting = { key: '.metadata.deletionTimestamp', operator: 'DoesNotExist' };
const noPodIP = { key: '.status.podIP', operator: 'DoesNotExist' };

// Shared tail of the templates that start a pod: addresses and start time.
const podAddresses = `
hostIP: {{ NodeIPWith .spec.nodeName | Quote }}
podIP: {{ PodIPWith .spec.nodeName ( or .spec.hostNetwork false ) ( or .metadata.uid "" ) ( or .metadata.name "" ) ( or .metadata.namespace "" ) | Quote }}
phase: Running
startTime: {{ $now | Quote }}
`;

const initContainerStatuses = `
{{ if .spec.initContainers }}
initContainerStatuses:
{{ range .spec.initContainers }}
- image: {{ .image | Quote }}
  imageID: {{ printf "kwok.local/%s" .image | Quote }}
  name: {{ .name | Quote }}
  containerID: {{ printf "kwok://%s" .name | Quote }}
  ready: true
  restartCount: 0
  {{ if eq ( or .restartPolicy "" ) "Always" }}
  started: true
  state:
    running:
      startedAt: {{ $now | Quote }}
  {{ else }}
  started: false
  state:
    terminated:
      exitCode: 0
      finishedAt: {{ $now | Quote }}
      reason: Completed
      startedAt: {{ $now | Quote }}
  {{ end }}
{{ end }}
{{ end }}
`;

// Ephemeral containers (`kubectl debug`) run as soon as they are added, as a kubelet would start
// them: every one listed in spec gets a running status (an earlier one keeps its start time).
const ephemeralRunningTemplate = `{{ $now := Now }}
{{ $started := dict }}
{{ range ( or .status.ephemeralContainerStatuses list ) }}{{ if .state.running }}{{ $_ := set $started .name .state.running.startedAt }}{{ end }}{{ end }}
ephemeralContainerStatuses:
{{ range .spec.ephemeralContainers }}
- image: {{ .image | Quote }}
  imageID: {{ printf "kwok.local/%s" .image | Quote }}
  name: {{ .name | Quote }}
  containerID: {{ printf "kwok://%s" .name | Quote }}
  ready: false
  restartCount: 0
  state:
    running:
      startedAt: {{ or ( get $started .name ) $now | Quote }}
{{ end }}
`;

/** @param {boolean} ready */
function runningTemplate(ready) {
  const status = ready ? '"True"' : '"False"';
  const why = ready ? '' : `
  reason: ContainersNotReady
  message: 'containers with unready status: [{{ range $i, $c := .spec.containers }}{{ if $i }} {{ end }}{{ $c.name }}{{ end }}]'`;
  return `{{ $now := Now }}
conditions:
- type: PodReadyToStartContainers
  status: "True"
  lastTransitionTime: {{ $now | Quote }}
- type: Initialized
  status: "True"
  lastTransitionTime: {{ $now | Quote }}
- type: Ready
  status: ${status}
  lastTransitionTime: {{ $now | Quote }}${why}
- type: ContainersReady
  status: ${status}
  lastTransitionTime: {{ $now | Quote }}${why}
{{ range .spec.readinessGates }}
- type: {{ .conditionType | Quote }}
  status: "True"
  lastTransitionTime: {{ $now | Quote }}
{{ end }}
containerStatuses:
{{ range .spec.containers }}
- image: {{ .image | Quote }}
  imageID: {{ printf "kwok.local/%s" .image | Quote }}
  name: {{ .name | Quote }}
  containerID: {{ printf "kwok://%s" .name | Quote }}
  ready: ${ready}
  started: true
  restartCount: 0
  state:
    running:
      startedAt: {{ $now | Quote }}
{{ end }}
${initContainerStatuses}
${podAddresses}`;
}

const completeTemplate = `{{ $now := Now }}
conditions:
- type: PodReadyToStartContainers
  status: "False"
  lastTransitionTime: {{ $now | Quote }}
- type: Ready
  status: "False"
  reason: PodCompleted
  lastTransitionTime: {{ $now | Quote }}
- type: ContainersReady
  status: "False"
  reason: PodCompleted
  lastTransitionTime: {{ $now | Quote }}
containerStatuses:
{{ range .spec.containers }}
- image: {{ .image | Quote }}
  imageID: {{ printf "kwok.local/%s" .image | Quote }}
  name: {{ .name | Quote }}
  containerID: {{ printf "kwok://%s" .name | Quote }}
  ready: false
  started: false
  restartCount: 0
  state:
    terminated:
      exitCode: 0
      reason: Completed
      startedAt: {{ $now | Quote }}
      finishedAt: {{ $now | Quote }}
{{ end }}
phase: Succeeded
`;

const readyAgainTemplate = `{{ $now := Now }}
conditions:
- type: Ready
  status: "True"
  reason: null
  message: null
  lastTransitionTime: {{ $now | Quote }}
`;

function stage(name, selector, next, delayMs) {
  return {
    apiVersion: 'kwok.x-k8s.io/v1alpha1',
    kind: 'Stage',
    metadata: { name },
    spec: {
      resourceRef: { apiGroup: 'v1', kind: 'Pod' },
      selector: { matchExpressions: selector },
      ...(delayMs ? { delay: { durationMilliseconds: delayMs } } : {}),
      next,
    },
  };
}

/** Pod stages. Node stages are KWOK's defaults (node-initialize + heartbeat), which is what we want. */
export function podStages() {
  return [
    // Scheduled pods start at once and turn Running + Ready, unless labelled stuck.
    stage('wheelhouse-pod-ready', [notDeleting, noPodIP,
      { key: '.spec.nodeName', operator: 'Exists' },
      { key: `.metadata.labels["${STUCK_LABEL}"]`, operator: 'NotIn', values: ['true'] }],
    { statusTemplate: runningTemplate(true) }),
    // Stuck pods run but their readiness "probe" never passes: Running, Ready=False.
    stage('wheelhouse-pod-stuck', [notDeleting, noPodIP,
      { key: '.spec.nodeName', operator: 'Exists' },
      { key: `.metadata.labels["${STUCK_LABEL}"]`, operator: 'In', values: ['true'] }],
    { statusTemplate: runningTemplate(false) }),
    // Like a kubelet re-syncing: when the node lifecycle controller marked a pod not Ready (its node
    // missed heartbeats, e.g. while kwok restarted) and the node is back, the pod turns Ready again.
    stage('wheelhouse-pod-ready-again', [notDeleting,
      { key: '.status.podIP', operator: 'Exists' },
      { key: '.status.phase', operator: 'In', values: ['Running'] },
      { key: '.status.conditions.[] | select( .type == "Ready" ) | .status', operator: 'In', values: ['False'] },
      { key: '.status.containerStatuses.[].ready', operator: 'NotIn', values: ['false'] },
      { key: `.metadata.labels["${STUCK_LABEL}"]`, operator: 'NotIn', values: ['true'] }],
    { statusTemplate: readyAgainTemplate }),
    // A running pod that was given an ephemeral container (PATCH pods/ephemeralcontainers, as
    // `kubectl debug` does) reports it running, so `kubectl debug` / the app stop waiting and attach.
    stage('wheelhouse-pod-ephemeral-running', [notDeleting,
      { key: '.status.phase', operator: 'In', values: ['Running'] },
      { key: '[ .spec.ephemeralContainers // [] | .[].name ] != [ .status.ephemeralContainerStatuses // [] | .[] | select( .state.running ) | .name ]', operator: 'In', values: ['true'] }],
    { statusTemplate: ephemeralRunningTemplate }),
    // Pods owned by a Job finish successfully a second after they start.
    stage('wheelhouse-pod-complete', [notDeleting,
      { key: '.status.phase', operator: 'In', values: ['Running'] },
      { key: '.metadata.ownerReferences.[].kind', operator: 'In', values: ['Job'] }],
    { statusTemplate: completeTemplate }, 1000),
    // Deleted pods go away once nothing holds a finalizer on them (finalizers are respected).
    stage('wheelhouse-pod-delete', [
      { key: '.metadata.deletionTimestamp', operator: 'Exists' },
      { key: '.metadata.finalizers', operator: 'DoesNotExist' }],
    { delete: true }, 300),
  ];
}

/** Containers whose exec says its name (WHEELHOUSE_CONTAINER): the shell tests' two-container pods use these. */
const EXEC_NAMED_CONTAINERS = ['main', 'sidecar'];

function execLocal(c, container) {
  return {
    workDir: path.join(c.stateDir, 'exec-workdir'),
    envs: [{ name: 'WHEELHOUSE_TEST_CLUSTER', value: c.clusterName }, ...(container ? [{ name: 'WHEELHOUSE_CONTAINER', value: container }] : [])],
  };
}

/**
 * The whole --config file for the kwok controller.
 * @param {{ stateDir: string, echoPort: number, clusterName: string }} c
 */
export function kwokConfigYaml(c) {
  const logDir = path.join(c.stateDir, 'pod-logs');
  const docs = [
    {
      apiVersion: 'config.kwok.x-k8s.io/v1alpha1',
      kind: 'KwokConfiguration',
      options: { podPlayStageParallelism: 16, nodePlayStageParallelism: 4, nodeLeaseParallelism: 4 },
    },
    ...podStages(),
    {
      apiVersion: 'kwok.x-k8s.io/v1alpha1',
      kind: 'ClusterLogs',
      metadata: { name: 'wheelhouse-logs' },
      spec: {
        logs: [
          ...Object.entries(LOG_FILES).map(([container, file]) => ({
            containers: [container],
            logsFile: path.join(logDir, file),
            previousLogsFile: path.join(logDir, `previous-${file}`),
            follow: true,
          })),
          { logsFile: path.join(logDir, 'default.log'), previousLogsFile: path.join(logDir, 'previous-default.log'), follow: true },
        ],
      },
    },
    {
      apiVersion: 'kwok.x-k8s.io/v1alpha1',
      kind: 'ClusterExec',
      metadata: { name: 'wheelhouse-exec' },
      spec: {
        // Every exec runs on this host; the test bed's named containers each get their name in
        // WHEELHOUSE_CONTAINER, so a test can tell which container an exec reached (KWOK picks the
        // target by the container the API server was asked for).
        execs: [
          ...EXEC_NAMED_CONTAINERS.map((name) => ({ containers: [name], local: execLocal(c, name) })),
          { local: execLocal(c) },
        ],
      },
    },
    {
      apiVersion: 'kwok.x-k8s.io/v1alpha1',
      kind: 'ClusterPortForward',
      metadata: { name: 'wheelhouse-port-forward' },
      spec: { forwards: [{ target: { address: '127.0.0.1', port: c.echoPort } }] },
    },
    // Simulated kubelet resource metrics and usage, scraped by metrics-server.
    ...kwokMetricsDocs(),
  ];
  return docs.map((d) => YAML.stringify(d, { lineWidth: 0 })).join('---\n');
}

// ── pod log files (CRI log format: "<RFC3339Nano> <stdout|stderr> F <message>") ──────────────────
const T0 = Date.parse('2026-11-23T12:00:00.000Z');

function criLines(entries) {
  return entries.map(([stream, msg], i) => {
    const ts = new Date(T0 + i * 1000).toISOString();
    return `${ts} ${stream} F ${ts} ${msg}\n`;
  }).join('');
}

export function podLogFiles() {
  const paths = ['/', '/healthz', '/api/items', '/static/app.js', '/favicon.ico'];
  const web = [];
  for (let i = 1; i <= 20; i++) {
    const p = paths[i % paths.length];
    const status = p === '/favicon.ico' ? 404 : 200;
    web.push([status >= 400 ? 'stderr' : 'stdout', `${status >= 400 ? 'WARN' : 'INFO'} app=web request id=${i} method=GET path=${p} status=${status} duration_ms=${(i * 7) % 40 + 1}`]);
  }
  const api = [];
  for (let i = 1; i <= 20; i++) {
    api.push(i % 7 === 0
      ? ['stderr', `ERROR app=api request id=${i} method=POST path=/v1/orders status=500 err="upstream timeout"`]
      : ['stdout', `INFO app=api request id=${i} method=GET path=/v1/orders/${1000 + i} status=200 duration_ms=${(i * 13) % 90 + 2}`]);
  }
  const esc = '\x1b';
  const hostile = [
    ['stdout', `${esc}[32mINFO${esc}[0m app=hostile colour=green msg="plain green text"`],
    ['stdout', `${esc}[1;31mERROR${esc}[0m app=hostile colour=red msg="bold red text"`],
    ['stdout', `${esc}[33mWARN${esc}[0m app=hostile msg="yellow" ${esc}[4munderlined${esc}[24m ${esc}[38;5;208m256-colour${esc}[0m ${esc}[38;2;255;0;255mtruecolour${esc}[0m`],
    ['stdout', 'INFO app=hostile msg="<script>alert(1)</script>"'],
    ['stdout', 'INFO app=hostile msg="<img src=x onerror=alert(1)>"'],
    ['stderr', `WARN app=hostile msg="cursor games" ${esc}[2J${esc}[H${esc}]0;pwned-title\x07 after-osc`],
    ['stdout', 'INFO app=hostile msg="unicode: żółć 日本語 🚀 \u202Eevil-rtl\u202C"'],
    ['stdout', `INFO app=hostile msg="long line" data=${'x'.repeat(5000)}`],
  ];
  const def = [];
  for (let i = 1; i <= 10; i++) def.push(['stdout', `INFO app=generic msg="working" iteration=${i}`]);
  const previous = (name) => criLines([['stdout', `INFO app=${name} msg="previous container instance"`], ['stderr', `ERROR app=${name} msg="exited with code 1"`]]);
  return {
    'web.log': criLines(web),
    'api.log': criLines(api),
    'hostile.log': criLines(hostile),
    'default.log': criLines(def),
    'previous-web.log': previous('web'),
    'previous-api.log': previous('api'),
    'previous-hostile.log': previous('hostile'),
    'previous-default.log': previous('generic'),
  };
}

/** (Re)writes the pod log files and the exec work dir. api.log is the one the echo server appends to. */
export function writePodLogs(stateDir) {
  const dir = path.join(stateDir, 'pod-logs');
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(podLogFiles())) writeFileSync(path.join(dir, file), text);
  const work = path.join(stateDir, 'exec-workdir');
  mkdirSync(work, { recursive: true });
  writeFileSync(path.join(work, 'README.txt'), 'This directory is the working directory of `kubectl exec` sessions in the wheelhouse test cluster.\n');
  return dir;
}
