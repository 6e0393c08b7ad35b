import { useEffect, useState } from 'react';
import { Terminal } from './Terminal';
import { commandFor, containerLabel, useWorkloadPods, usePodContainers, type CommandChoice } from './ShellChoices';
import './terminal.css';

export interface TerminalTabsProps {
  context: string;
  namespace: string;
  /** A pod to shell into… */
  pod?: string;
  /** …or a workload's pods by label selector (a ready one is picked; the user may choose another). */
  selector?: string;
  container?: string;
}

interface Tab { id: number; pod: string; container?: string; command?: string[]; label: string; exit?: number | null }

/**
 * Shells into a pod's containers, several at once. The bar picks the pod (for a workload), the
 * container (init and ephemeral ones too, the default marked) and the command (bash else sh, sh,
 * bash, or a custom one); "Open shell" opens a tab with that choice. Hidden tabs stay mounted (their
 * sessions keep running); closing a tab unmounts its Terminal, which ends the remote process.
 */
export function TerminalTabs({ context, namespace, pod: fixedPod, selector, container: initialContainer }: TerminalTabsProps) {
  const workload = useWorkloadPods(context, namespace, fixedPod ? undefined : selector);
  const [pickedPod, setPickedPod] = useState<string>();
  const pod = fixedPod ?? (pickedPod && workload.pods.some((p) => p.name === pickedPod) ? pickedPod : workload.pods.find((p) => p.ready)?.name);
  const containers = usePodContainers(context, namespace, pod);
  const [pickedContainer, setPickedContainer] = useState<string | undefined>(initialContainer);
  const container = pickedContainer && containers.choices.some((c) => c.name === pickedContainer) ? pickedContainer : (initialContainer ?? containers.defaultName);
  const [commandChoice, setCommandChoice] = useState<CommandChoice>('auto');
  const [custom, setCustom] = useState('');
  const [error, setError] = useState<string>();

  const [tabs, setTabs] = useState<Tab[]>([]);
  const [active, setActive] = useState(0);
  const [next, setNext] = useState(1);
  const [opened, setOpened] = useState(false);

  const open = (p = pod, c = container) => {
    if (!p) return;
    let command: string[] | undefined;
    try {
      command = commandChoice === 'auto' ? undefined : commandFor(commandChoice, custom);
    } catch (err) {
      setError((err as Error).message);
      return;
    }
    setError(undefined);
    const label = `${fixedPod ? '' : `${p} · `}${c ?? 'default'}${command ? ` · ${command.join(' ')}` : ''}`;
    setTabs((t) => [...t, { id: next, pod: p, container: c, command, label }]);
    setActive(next);
    setNext((n) => n + 1);
  };
  // The first shell opens by itself once there is a pod to open it in (the default container, bash else sh).
  useEffect(() => {
    if (opened || !pod || (!fixedPod && !containers.loaded)) return;
    setOpened(true);
    open(pod, container);
  }, [pod, containers.loaded]); // eslint-disable-line react-hooks/exhaustive-deps

  const close = (id: number) => {
    const rest = tabs.filter((x) => x.id !== id);
    setTabs(rest);
    if (id === active && rest.length) setActive(rest[rest.length - 1].id);
  };

  return (
    <div className="terminal-tabs" data-testid="terminal-tabs">
      <form className="terminal-choices" onSubmit={(e) => { e.preventDefault(); open(); }}>
        {!fixedPod && (
          <label>Pod
            <select value={pod ?? ''} onChange={(e) => setPickedPod(e.target.value)} data-testid="shell-pod" aria-label="Pod">
              {workload.pods.length === 0 && <option value="">{workload.loading ? 'Loading pods…' : 'No pods'}</option>}
              {workload.pods.map((p) => <option key={p.name} value={p.name}>{p.name}{p.ready ? '' : ` (${p.phase === 'Running' ? 'not ready' : p.phase})`}</option>)}
            </select>
          </label>
        )}
        <label>Container
          <select value={container ?? ''} onChange={(e) => setPickedContainer(e.target.value)} data-testid="shell-container" aria-label="Container">
            {containers.choices.length === 0 && <option value={container ?? ''}>{container ?? '…'}</option>}
            {containers.choices.map((c) => <option key={`${c.kind}/${c.name}`} value={c.name}>{containerLabel(c)}</option>)}
          </select>
        </label>
        <label>Command
          <select value={commandChoice} onChange={(e) => setCommandChoice(e.target.value as CommandChoice)} data-testid="shell-command" aria-label="Command">
            <option value="auto">bash, else sh</option><option value="sh">sh</option><option value="bash">bash</option><option value="custom">custom…</option>
          </select>
        </label>
        {commandChoice === 'custom' && <input className="terminal-custom" value={custom} onChange={(e) => setCustom(e.target.value)} placeholder="command and arguments" aria-label="Custom command" data-testid="shell-custom" />}
        <button type="submit" className="primary" disabled={!pod} title={pod ? undefined : 'No running pod to open a shell in'} data-testid="terminal-new">Open shell</button>
        {workload.error && <span className="terminal-error" role="alert">{workload.error}</span>}
        {error && <span className="terminal-error" role="alert" data-testid="shell-error">{error}</span>}
      </form>
      {tabs.length > 0 && (
        <div className="terminal-tablist" role="tablist">
          {tabs.map((t, i) => (
            <div key={t.id} role="tab" aria-selected={t.id === active} className={`terminal-tab${t.id === active ? ' active' : ''}`} title={t.label}
              onClick={() => setActive(t.id)} data-testid={`terminal-tab-${i + 1}`}>
              <span className="terminal-tab-label">{t.label}{t.exit !== undefined ? ` (exit ${t.exit ?? '?'})` : ''}</span>
              <button type="button" className="close" aria-label={`Close shell ${i + 1}`} data-testid={`terminal-close-${i + 1}`}
                onClick={(e) => { e.stopPropagation(); close(t.id); }}>×</button>
            </div>
          ))}
        </div>
      )}
      <div className="terminal-panels">
        {tabs.map((t) => (
          <div key={t.id} className="terminal-panel" hidden={t.id !== active}>
            <Terminal context={context} namespace={namespace} pod={t.pod} container={t.container} command={t.command}
              onExit={(code) => setTabs((all) => all.map((x) => (x.id === t.id ? { ...x, exit: code } : x)))} />
          </div>
        ))}
        {tabs.length === 0 && <div className="empty">{pod ? 'No shells open.' : !fixedPod && !workload.loading ? 'No running pod of this workload to open a shell in.' : 'Loading…'}</div>}
      </div>
    </div>
  );
}
