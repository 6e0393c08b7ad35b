import type { Core } from '../core';
import type { Handlers } from '../handlers';
import { requireActionAccess } from '../actions/accessCheck';
import { toContractError } from '../cluster/apiError';
import { listDirectory } from './fileBrowser';
import { startDownload, startUpload } from './fileTransfer';

const podRef = (p: { namespace: string; pod: string }) => ({ group: '', resource: 'pods', namespace: p.namespace, name: p.pod });

/** A container's files: listing, download and upload, all over exec (find/ls, tar) like `kubectl cp`. */
export function filesHandlers(core: Core): Handlers {
  return {
    methods: {
      'files.list': async (p) => {
        const http = core.connection(p.context).http;
        await requireActionAccess(http, 'files', podRef(p));
        return listDirectory(http, p, p.path);
      },
    },
    topics: {
      'files.download': (p, sink) => {
        const http = core.connection(p.context).http;
        let cancel: (() => void) | undefined;
        let stopped = false;
        requireActionAccess(http, 'files', podRef(p))
          .then(() => { if (!stopped) cancel = startDownload(http, p, p.path, sink); })
          .catch((err) => sink.end(toContractError(err)));
        return () => { stopped = true; cancel?.(); };
      },
      'files.upload': (p, sink) => {
        const http = core.connection(p.context).http;
        let upload: ReturnType<typeof startUpload> | undefined;
        let stopped = false;
        const early: unknown[] = [];
        sink.onInput((d) => (upload ? upload.input(d) : early.push(d)));
        requireActionAccess(http, 'files', podRef(p))
          .then(() => {
            if (stopped) return;
            upload = startUpload(http, p, p.dir, p.total, sink);
            for (const d of early.splice(0)) upload.input(d);
          })
          .catch((err) => sink.end(toContractError(err)));
        return () => { stopped = true; upload?.cancel(); };
      },
    },
  };
}
