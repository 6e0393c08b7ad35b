import type { Core } from '../core';
import type { Handlers } from '../../transport/contractSession';
import { toContractError } from '../cluster/apiError';
import { ExecSession } from './execSession';
import { LogStream } from './logStream';
import { PortForwards } from './portForward';
import { WorkloadLogs } from './workloadLogs';

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
        const stream = new LogStream(core.connection(p.context).http, p, sink);
        stream.onFinish = () => sink.end();
        stream.start();
        return () => stream.stop();
      },
      'logs.workload': (p, sink) => {
        const w = new WorkloadLogs(core.connection(p.context).http, p, sink);
        w.start();
        return () => w.stop();
      },
      'exec.session': (p, sink) => {
        const conn = core.connection(p.context);
        const session = new ExecSession(conn.kc, conn.http, p, sink, () => sessions.delete(session));
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
