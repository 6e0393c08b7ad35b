import { useEffect, useRef, useState } from 'react';
import { Terminal as XTerm } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { useClient } from '../../data/clientContext';
import type { ExecEvent } from '../../../shared/contract';
import './terminal.css';
import { TerminalLinkDialog } from './TerminalLinkDialog';

export interface TerminalProps {
  context: string;
  namespace: string;
  pod: string;
  container?: string;
  /** Default: bash where the container has it, else sh. */
  command?: string[];
  /** Called once when the remote command ends. */
  onExit?(code: number | null): void;
}

type Status =
  | { kind: 'connecting' }
  | { kind: 'open'; protocol?: string }
  | { kind: 'exited'; code: number | null; reason: string; message?: string }
  | { kind: 'error'; message: string };

function decode(e: Extract<ExecEvent, { type: 'stdout' | 'stderr' }>): string | Uint8Array {
  if (e.encoding !== 'base64') return e.data;
  const bin = atob(e.data);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function copyText(text: string): Promise<void> {
  if (text) await navigator.clipboard?.writeText(text).catch(() => {});
}

/**
 * A shell in a container: xterm.js sized to its box (fit addon; every resize reaches the remote
 * terminal), copy (Ctrl+Shift+C or the button) and paste, the exit status when the command ends.
 * Flow control: output is acknowledged from xterm's write callback, so a flood of output that xterm
 * cannot parse fast enough makes the core pause the remote command. Unmounting (closing the tab)
 * ends the remote process, not just the connection.
 */
export function Terminal({ context, namespace, pod, container, command, onExit }: TerminalProps) {
  const client = useClient();
  const boxRef = useRef<HTMLDivElement>(null);
  const termRef = useRef<XTerm | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'connecting' });
  const [link, setLink] = useState<string | undefined>();
  const onExitRef = useRef(onExit);
  useEffect(() => { onExitRef.current = onExit; }, [onExit]);
  const commandKey = JSON.stringify(command ?? null);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    setStatus({ kind: 'connecting' });
    const term = new XTerm({
      cursorBlink: true, scrollback: 5_000, fontSize: 13, allowProposedApi: false,
      // OSC 8 links: xterm's default asks with a native confirm() and opens any URL; ours asks in-app.
      linkHandler: { activate: (_event, text) => setLink(text), allowNonHttpProtocols: false },
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
      theme: { background: '#11161d', foreground: '#dbe3ee', cursor: '#dbe3ee', selectionBackground: '#3a4a60' },
    });
    termRef.current = term;
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(box);
    const doFit = () => {
      if (box.offsetWidth > 0 && box.offsetHeight > 0) { try { fit.fit(); } catch { /* not attached yet */ } }
    };
    doFit();

    let acked = 0;
    let ended = false;
    const sub = client.subscribe('exec.session', {
      context, namespace, pod, ...(container ? { container } : {}), ...(command ? { command } : {}),
      tty: true, cols: Math.max(1, term.cols), rows: Math.max(1, term.rows),
    }, {
      onEvent: (e, seq) => {
        if (e.type === 'stdout' || e.type === 'stderr') {
          term.write(decode(e), () => { if (seq > acked) { acked = seq; sub.ack(seq); } });
          return;
        }
        if (seq > acked) { acked = seq; sub.ack(seq); }
        if (e.type === 'state') setStatus(e.state === 'open' ? { kind: 'open', protocol: e.protocol } : { kind: 'connecting' });
        else if (e.type === 'exit') {
          ended = true;
          const what = e.code !== null ? `exited with code ${e.code}` : e.reason === 'closed' ? 'session closed' : `ended: ${e.message ?? e.reason}`;
          term.write(`\r\n\x1b[2m[${what}]\x1b[0m\r\n`);
          setStatus({ kind: 'exited', code: e.code, reason: e.reason, ...(e.message ? { message: e.message } : {}) });
          onExitRef.current?.(e.code);
        }
      },
      onEnd: (err) => {
        if (err && !ended) {
          ended = true;
          term.write(`\r\n\x1b[31m${err.message.replace(/[\x00-\x1f\x7f]/g, ' ')}\x1b[0m\r\n`); // eslint-disable-line no-control-regex
          setStatus({ kind: 'error', message: err.message });
        }
      },
    });
    const inputs = [
      term.onData((data) => { if (!ended) sub.input({ type: 'stdin', data }); }),
      term.onResize(({ cols, rows }) => { if (!ended) sub.input({ type: 'resize', cols, rows }); }),
    ];
    term.attachCustomKeyEventHandler((ev) => {
      if (ev.type === 'keydown' && ev.ctrlKey && ev.shiftKey && ev.code === 'KeyC') {
        void copyText(term.getSelection());
        return false;
      }
      // Ctrl+Shift+V (and Cmd+V) arrive as a browser paste event, which xterm handles itself.
      return true;
    });
    let frame: number | undefined;
    const ro = new ResizeObserver(() => {
      if (frame !== undefined) return;
      frame = requestAnimationFrame(() => { frame = undefined; doFit(); });
    });
    ro.observe(box);
    term.focus();

    return () => {
      ro.disconnect();
      if (frame !== undefined) cancelAnimationFrame(frame);
      inputs.forEach((d) => d.dispose());
      // Closing the tab: ask the core to hang the shell up, then leave.
      if (!ended) sub.input({ type: 'close' });
      sub.close();
      term.dispose();
      termRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, context, namespace, pod, container, commandKey]);

  const paste = async () => {
    const text = await navigator.clipboard?.readText().catch(() => '');
    if (text) termRef.current?.paste(text);
    termRef.current?.focus();
  };

  const statusText = status.kind === 'connecting' ? 'Connecting…'
    : status.kind === 'open' ? `Connected${status.protocol ? ` (${status.protocol})` : ''}`
      : status.kind === 'exited' ? (status.code !== null ? `Exited with code ${status.code}` : status.reason === 'closed' ? 'Session closed' : `Session ended${status.message ? `: ${status.message}` : ''}`)
        : `Error: ${status.message}`;
  return (
    <div className="terminal-view" data-testid="terminal">
      <div className="terminal-bar">
        <span className="terminal-title">{pod}{container ? `/${container}` : ''}</span>
        <span className={`terminal-status ${status.kind}`} data-testid="terminal-status" data-state={status.kind}
          data-exit-code={status.kind === 'exited' && status.code !== null ? String(status.code) : undefined}>
          {statusText}
        </span>
        <button onClick={() => { void copyText(termRef.current?.getSelection() ?? ''); termRef.current?.focus(); }} title="Copy selection (Ctrl+Shift+C)">Copy</button>
        <button onClick={() => void paste()} title="Paste (Ctrl+Shift+V)">Paste</button>
      </div>
      <div ref={boxRef} className="terminal-box" data-testid="terminal-box" />
      {link !== undefined && <TerminalLinkDialog url={link} onClose={() => { setLink(undefined); termRef.current?.focus(); }} />}
    </div>
  );
}
