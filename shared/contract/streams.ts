import { z } from 'zod';

// Logs, exec terminals and port-forwards. Topics stream events; both ends validate them. Streams are
// flow-controlled: the renderer acknowledges events (`ack` frames) as it consumes them and the core
// stops reading from the cluster while too many are unacknowledged, instead of buffering without bound.

const name = z.string().min(1).max(253);
const PodTarget = { context: z.string().min(1), namespace: name, pod: name };

// ---- Logs ---------------------------------------------------------------------------------------

/** One log line. `ts` is the kubelet's RFC3339Nano timestamp (fixed width, so it sorts as text). */
export const LogLine = z.object({ ts: z.string().optional(), text: z.string() });
export type LogLine = z.infer<typeof LogLine>;

/**
 * connecting: asking the API server; streaming: lines flow; waiting: the container has not started (or
 * is restarting) and the stream resumes by itself; ended: the log is complete (container exited, pod
 * deleted, or a non-follow read finished); error: it cannot be read (message says why).
 */
export const LogStreamState = z.enum(['connecting', 'streaming', 'waiting', 'ended', 'error']);
export type LogStreamState = z.infer<typeof LogStreamState>;

const logWindow = {
  /** Only the latest N lines of what is already there (then follow). */
  tailLines: z.number().int().min(0).max(1_000_000).optional(),
  sinceSeconds: z.number().int().min(1).optional(),
  /** RFC3339; the API server honours whole seconds. */
  sinceTime: z.string().max(64).optional(),
};

export const LogsFollowParams = z.object({
  ...PodTarget,
  container: name,
  /** The previous (terminated) instance of the container; such a log is finite. */
  previous: z.boolean().optional(),
  /** Include `ts` in each line (default true). The core always reads timestamps to resume without gaps. */
  timestamps: z.boolean().optional(),
  /** Keep streaming new lines (default true); false reads what is there and ends (downloads). */
  follow: z.boolean().optional(),
  /**
   * The viewer keeps only its latest N lines. When it falls further behind than that, the core keeps
   * reading, sends only the newest N and says how many it skipped (`skipped`): the older ones would
   * have left the viewer's buffer unseen. Absent (downloads): nothing is skipped; the core stops
   * reading from the cluster until the renderer catches up.
   */
  keepLatest: z.number().int().min(1).max(1_000_000).optional(),
  /** Lines packed for the wire (`packed` events instead of `lines`); see packedLines.ts. */
  packed: z.boolean().optional(),
  ...logWindow,
});
export type LogsFollowParams = z.infer<typeof LogsFollowParams>;

export const LogEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('lines'), lines: z.array(LogLine) }),
  /**
   * Lines as two strings (packedLines.ts), when the params ask for it. Validating this shape is O(1):
   * no per-line objects to check or copy; the receiver checks the parts against `count` as it unpacks.
   */
  z.object({ type: z.literal('packed'), count: z.number().int().min(1), text: z.string(), ts: z.string().optional() }),
  /** Lines read and not sent, because the viewer fell further behind than `keepLatest` (see there). */
  z.object({ type: z.literal('skipped'), count: z.number().int().min(1) }),
  z.object({ type: z.literal('state'), state: LogStreamState, message: z.string() }),
  /** Lines the core discarded (a single line above the size cap); never silent. */
  z.object({ type: z.literal('dropped'), count: z.number().int().min(0) }),
]);
export type LogEvent = z.infer<typeof LogEvent>;

export const WorkloadOwnerKind = z.enum(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job']);
export type WorkloadOwnerKind = z.infer<typeof WorkloadOwnerKind>;

export const WorkloadLogsParams = z.object({
  context: z.string().min(1),
  namespace: name,
  /** A label selector as kubectl -l takes it. */
  selector: z.string().min(1).max(4096).optional(),
  /** Or a workload whose spec.selector picks the pods. */
  owner: z.object({ kind: WorkloadOwnerKind, name }).optional(),
  /** Only containers of this name (default: every container, init containers included). */
  container: name.optional(),
  /** Per container; defaults to 200 so that many pods do not flood the view. */
  tailLines: logWindow.tailLines,
  sinceSeconds: logWindow.sinceSeconds,
}).refine((p) => (p.selector === undefined) !== (p.owner === undefined), { message: 'give exactly one of selector or owner' });
export type WorkloadLogsParams = z.infer<typeof WorkloadLogsParams>;

export const WorkloadLogLine = LogLine.extend({ pod: z.string(), container: z.string() });
export type WorkloadLogLine = z.infer<typeof WorkloadLogLine>;

export const WorkloadLogSource = z.object({ pod: z.string(), container: z.string(), state: LogStreamState, message: z.string().optional() });
export type WorkloadLogSource = z.infer<typeof WorkloadLogSource>;

export const WorkloadLogEvent = z.discriminatedUnion('type', [
  /** Lines of every source merged by timestamp. */
  z.object({ type: z.literal('lines'), lines: z.array(WorkloadLogLine) }),
  /** The whole stream's state: resolving the workload, streaming, or an error. */
  z.object({ type: z.literal('state'), state: LogStreamState, message: z.string() }),
  /** Every pod/container currently followed, whenever that set or a state changes. */
  z.object({ type: z.literal('sources'), sources: z.array(WorkloadLogSource) }),
  z.object({ type: z.literal('dropped'), count: z.number().int().min(0) }),
]);
export type WorkloadLogEvent = z.infer<typeof WorkloadLogEvent>;

// ---- Exec ---------------------------------------------------------------------------------------

const termSize = { cols: z.number().int().min(1).max(1000), rows: z.number().int().min(1).max(1000) };

/** The command run when none is given: bash where there is one, else sh. */
export const DEFAULT_SHELL = ['sh', '-c', 'command -v bash >/dev/null && exec bash || exec sh'];

export const ExecParams = z.object({
  ...PodTarget,
  container: name.optional(),
  command: z.array(z.string().max(16_384)).min(1).max(256).optional(),
  tty: z.boolean().default(true),
  ...termSize,
});
export type ExecParams = z.input<typeof ExecParams>;

/** What the renderer sends into an exec session (`input` frames). */
export const ExecInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stdin'), data: z.string().max(1_048_576) }),
  z.object({ type: z.literal('resize'), ...termSize }),
  /** Ends the session: the remote process is told to hang up, not merely disconnected. */
  z.object({ type: z.literal('close') }),
]);
export type ExecInput = z.infer<typeof ExecInput>;

export const ExecEvent = z.discriminatedUnion('type', [
  /** Terminal output; UTF-8 text, or base64 when `encoding` says so. */
  z.object({ type: z.literal('stdout'), data: z.string(), encoding: z.enum(['utf8', 'base64']).optional() }),
  z.object({ type: z.literal('stderr'), data: z.string(), encoding: z.enum(['utf8', 'base64']).optional() }),
  z.object({ type: z.literal('state'), state: z.enum(['connecting', 'open']), protocol: z.string().optional(), message: z.string().optional() }),
  /**
   * The session ended. `code` is the exit status from the status channel (null when unknown: the
   * connection was cut, or the session was closed before the command reported).
   */
  z.object({ type: z.literal('exit'), code: z.number().int().nullable(), reason: z.enum(['exited', 'closed', 'error']), message: z.string().optional() }),
]);
export type ExecEvent = z.infer<typeof ExecEvent>;

// ---- Port-forward -------------------------------------------------------------------------------

const port = z.number().int().min(1).max(65535);

export const PortForwardStartParams = z.object({
  context: z.string().min(1),
  namespace: name,
  pod: name.optional(),
  /** Forward to a Service: resolved to one ready pod and the Service port's target port. */
  service: name.optional(),
  /** The pod's port, or for a Service its `port` (like `kubectl port-forward svc/x L:R`). */
  remotePort: port,
  /** 0 or absent: a free port. The listener is on 127.0.0.1 only. */
  localPort: z.number().int().min(0).max(65535).optional(),
}).refine((p) => (p.pod === undefined) !== (p.service === undefined), { message: 'give exactly one of pod or service' });
export type PortForwardStartParams = z.input<typeof PortForwardStartParams>;

export const PortForwardInfo = z.object({
  id: z.string(),
  context: z.string(),
  namespace: z.string(),
  pod: z.string(),
  service: z.string().optional(),
  remotePort: z.number().int(),
  /** The pod port connections go to (a Service's targetPort, resolved). */
  targetPort: z.number().int(),
  address: z.literal('127.0.0.1'),
  localPort: z.number().int(),
  /** Set when the port looks like HTTP, for an "open" button. Always http://127.0.0.1:<localPort>/. */
  url: z.string().optional(),
  state: z.enum(['listening', 'error', 'stopped']),
  activeConnections: z.number().int(),
  totalConnections: z.number().int(),
  /** Bytes carried so far: from the local client to the pod, and back. */
  bytesIn: z.number().int().optional(),
  bytesOut: z.number().int().optional(),
  lastError: z.string().optional(),
  startedAt: z.string(),
});
export type PortForwardInfo = z.infer<typeof PortForwardInfo>;

export const streamMethods = {
  'portforward.start': { params: PortForwardStartParams, result: PortForwardInfo },
  'portforward.list': { params: z.object({ context: z.string().optional() }), result: z.array(PortForwardInfo) },
  'portforward.stop': { params: z.object({ id: z.string().max(100) }), result: z.object({ ok: z.literal(true) }) },
} as const;

export const streamTopics = {
  'logs.follow': { params: LogsFollowParams, event: LogEvent },
  'logs.workload': { params: WorkloadLogsParams, event: WorkloadLogEvent },
  'exec.session': { params: ExecParams, event: ExecEvent },
  /** The forwards the core holds (they outlive renderer reloads); the whole list on every change. */
  'portforward.watch': { params: z.object({}), event: z.object({ forwards: z.array(PortForwardInfo) }) },
} as const;
