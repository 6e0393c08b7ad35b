import type { Core, CoreState } from '../core';
import type { Handlers } from '../handlers';
import { toContractError } from '../cluster/apiError';
import type { ContractError } from '../../../shared/contract/contractError';
import { ExecSession } from './execSession';
import { LogStream } from './logStream';
import { packedLogSink } from './packedLogSink';
import { PortForwards } from './portForward';
import { WorkloadLogs } from './workloadLogs';
import type { ObjectEntry } from '../watch/watchHub';

/** Calls `onDeleted` when the named pod leaves the namespace's shared pod informer. */
function watchPodDeletion(core: Core, context: string, namespace: string, pod: string, onDeleted: () => void): () => void {
  let acquired: ReturnType<Core['hub']['acquire']> | undefined;
  try {
    acquired = core.hub.acquire<ObjectEntry>({ context, group: '', version: 'v1', resource: 'pods', namespace, representation: 'object' });
  } catch {
    return () => {};
  }
  let seen = false;
  const remove = acquired.informer.addHandler({
    onSync: (items) => {
      const present = items.some((o) => (o as ObjectEntry).name === pod);
      if (seen && !present) onDeleted();
      seen ||= present;
    },
    onChanges: (changes) => {
      for (const c of changes) {
        if (c.type === 'deleted' && (c.old as ObjectEntry).name === pod) onDeleted();
        else if (c.type !== 'deleted' && (c.obj as ObjectEntry).name === pod) seen = true;
      }
    },
    onFreshness: () => {},
  });
  let done = false;
  return () => {
    if (done) return;
    done = true;
    remove();
    acquired?.release();
  };
}

interface CoreStreams { forwards: PortForwards; sessions: Set<ExecSession> }

const STREAMS: CoreState<CoreStreams> = {
  name: 'streams',
  create: (core) => {
    const created: CoreStreams = { forwards: new PortForwards((ctx) => core.connection(ctx)), sessions: new Set() };
    core.onDispose.push(async () => {
      await Promise.allSettled([...created.sessions].map((x) => x.close()));
      await created.forwards.stopAll();
    });
    return created;
  },
};

/** Port-forwards and terminals belong to the core (not to a window) and end when it is disposed. */
function streamsOf(core: Core): CoreStreams {
  return core.state(STREAMS);
}

/**
 * Logs, exec terminals and port-forwards, and what each does when the context's kubeconfig entry
 * changes under it (its link says `replaced` or `gone`):
 * - a followed log (one pod's, a workload's) goes through the link's late-bound http: the old
 *   connection closes, the stream resumes on the new one from where it was; once the context is gone
 *   its next request fails with the reason and the stream ends with it;
 * - a terminal stays on the connection it was opened on, `replaced` or not: its WebSocket carries an
 *   interactive shell whose state (a running editor, a half-typed command) cannot move, and the new
 *   entry may even name another cluster, where hanging up its shell by PID would hit the wrong
 *   process. `gone` closes it (hanging the shell up over its own connection) and ends it with the reason;
 * - a port-forward keeps listening; each new local connection is tunnelled over the connection
 *   current then (its open tunnels keep theirs); `gone` stops it, and it stays listed in state
 *   `error` with the reason until removed.
 */
export function streamHandlers(core: Core): Handlers {
  const { forwards, sessions } = streamsOf(core);
  return {
    methods: {
      'portforward.start': async (p) => {
        const link = core.link(p.context);
        const info = await forwards.start(p);
        link.onChange((change) => { if (change.type === 'gone') void forwards.end(info.id, change.error.message); });
        return info;
      },
      'portforward.list': async (p) => forwards.list(p.context),
      'portforward.stop': async (p) => { await forwards.stop(p.id); return { ok: true as const }; },
    },
    topics: {
      'logs.follow': (p, sink) => {
        const stream = new LogStream(core.link(p.context).http, p, p.packed ? packedLogSink(sink) : sink);
        // The namespace's shared pod watch tells a stream when its pod is deleted, for runtimes that
        // keep a log stream open after that (KWOK does; a kubelet closes it when the container stops).
        const watch = p.follow === false || p.previous ? undefined : watchPodDeletion(core, p.context, p.namespace, p.pod, () => stream.recheck());
        stream.onFinish = () => { watch?.(); sink.end(); };
        stream.start();
        return () => { watch?.(); stream.stop(); };
      },
      'logs.workload': (p, sink) => {
        const w = new WorkloadLogs(core.link(p.context).http, p, sink);
        w.start();
        return () => w.stop();
      },
      'exec.session': (p, sink) => {
        const link = core.link(p.context);
        // Pinned to the connection current now (see above); the session's end carries the link's reason once gone.
        const ending: { error?: ContractError } = {};
        const sessionSink: typeof sink = {
          emit: (e) => sink.emit(e), unacked: () => sink.unacked(), congested: () => sink.congested(),
          onInput: (cb) => sink.onInput(cb), onAck: (cb) => sink.onAck(cb),
          end: (error?: ContractError) => sink.end(error ?? ending.error),
        };
        const session = new ExecSession(link.connection.http, p, sessionSink, () => { sessions.delete(session); unlink(); });
        const unlink = link.onChange((change) => {
          if (change.type !== 'gone') return;
          ending.error = toContractError(change.error);
          void session.close();
        });
        sessions.add(session);
        sink.onInput((d) => session.input(d));
        session.start().catch((err) => { sessions.delete(session); unlink(); sink.end(toContractError(err)); });
        // Unsubscribing (a closed tab, a reloaded window) hangs the remote shell up.
        return () => { unlink(); void session.close(); };
      },
      'portforward.watch': (_p, sink) => {
        sink.emit({ forwards: forwards.list() });
        return forwards.onChange((list) => sink.emit({ forwards: list }));
      },
    },
  };
}
