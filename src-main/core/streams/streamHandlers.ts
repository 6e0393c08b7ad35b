import { currentHttp } from '../cluster/currentHttp';
import type { Core } from '../core';
import type { Handlers } from '../../transport/contractSession';
import { toContractError } from '../cluster/apiError';
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

const perCore = new WeakMap<Core, CoreStreams>();

/** Port-forwards and terminals belong to the core (not to a window) and end when it is disposed. */
function streamsOf(core: Core): CoreStreams {
  let s = perCore.get(core);
  if (!s) {
    const created: CoreStreams = { forwards: new PortForwards((ctx) => core.connection(ctx)), sessions: new Set() };
    core.onDispose.push(async () => {
      await Promise.allSettled([...created.sessions].map((x) => x.close()));
      await created.forwards.stopAll();
    });
    perCore.set(core, created);
    s = created;
  }
  return s;
}

/** Logs, exec terminals and port-forwards. */
export function streamHandlers(core: Core): Handlers {
  const { forwards, sessions } = streamsOf(core);
  return {
    methods: {
      'portforward.start': (p) => forwards.start(p),
      'portforward.list': async (p) => forwards.list(p.context),
      'portforward.stop': async (p) => { await forwards.stop(p.id); return { ok: true as const }; },
    },
    topics: {
      'logs.follow': (p, sink) => {
        const stream = new LogStream(currentHttp(() => core.connection(p.context)), p, p.packed ? packedLogSink(sink) : sink);
        // The namespace's shared pod watch tells a stream when its pod is deleted, for runtimes that
        // keep a log stream open after that (KWOK does; a kubelet closes it when the container stops).
        const watch = p.follow === false || p.previous ? undefined : watchPodDeletion(core, p.context, p.namespace, p.pod, () => stream.recheck());
        stream.onFinish = () => { watch?.(); sink.end(); };
        stream.start();
        return () => { watch?.(); stream.stop(); };
      },
      'logs.workload': (p, sink) => {
        const w = new WorkloadLogs(currentHttp(() => core.connection(p.context)), p, sink);
        w.start();
        return () => w.stop();
      },
      'exec.session': (p, sink) => {
        const conn = core.connection(p.context);
        const session = new ExecSession(conn.http, p, sink, () => sessions.delete(session));
        sessions.add(session);
        sink.onInput((d) => session.input(d));
        session.start().catch((err) => { sessions.delete(session); sink.end(toContractError(err)); });
        // Unsubscribing (a closed tab, a reloaded window) hangs the remote shell up.
        return () => { void session.close(); };
      },
      'portforward.watch': (_p, sink) => {
        sink.emit({ forwards: forwards.list() });
        return forwards.onChange((list) => sink.emit({ forwards: list }));
      },
    },
  };
}
