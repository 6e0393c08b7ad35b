import { useState } from 'react';
import { Terminal } from './Terminal';
import './terminal.css';

export interface TerminalTabsProps {
  context: string;
  namespace: string;
  pod: string;
  container?: string;
}

interface Tab { id: number; exit?: number | null }

/**
 * Several shells into the same container at once. Hidden tabs stay mounted (their sessions keep
 * running); closing a tab unmounts its Terminal, which ends the remote process.
 */
export function TerminalTabs({ context, namespace, pod, container }: TerminalTabsProps) {
  const [tabs, setTabs] = useState<Tab[]>([{ id: 1 }]);
  const [active, setActive] = useState(1);
  const [next, setNext] = useState(2);
  const add = () => { setTabs((t) => [...t, { id: next }]); setActive(next); setNext(next + 1); };
  const close = (id: number) => {
    const rest = tabs.filter((x) => x.id !== id);
    setTabs(rest);
    if (id === active && rest.length) setActive(rest[rest.length - 1].id);
  };
  return (
    <div className="terminal-tabs" data-testid="terminal-tabs">
      <div className="terminal-tablist" role="tablist">
        {tabs.map((t, i) => (
          <div key={t.id} role="tab" aria-selected={t.id === active} className={`terminal-tab${t.id === active ? ' active' : ''}`}
            onClick={() => setActive(t.id)} data-testid={`terminal-tab-${i + 1}`}>
            Shell {i + 1}{t.exit !== undefined ? ` (exit ${t.exit ?? '?'})` : ''}
            <button className="close" aria-label={`Close shell ${i + 1}`} data-testid={`terminal-close-${i + 1}`}
              onClick={(e) => { e.stopPropagation(); close(t.id); }}>×</button>
          </div>
        ))}
        <button onClick={add} aria-label="New shell" data-testid="terminal-new">+</button>
      </div>
      <div className="terminal-panels">
        {tabs.map((t) => (
          <div key={t.id} className="terminal-panel" hidden={t.id !== active}>
            <Terminal context={context} namespace={namespace} pod={pod} container={container}
              onExit={(code) => setTabs((all) => all.map((x) => (x.id === t.id ? { ...x, exit: code } : x)))} />
          </div>
        ))}
        {tabs.length === 0 && <div className="empty">No shells open. <button onClick={add}>Open one</button></div>}
      </div>
    </div>
  );
}
