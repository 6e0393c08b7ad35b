import { useEffect, useState } from 'react';
import { useClient } from '../../data/clientContext';
import type { DetailsTarget } from './detailsTarget';
import { decodeSecretValue } from './objectModel';
import { LongText, Section } from './bits';
import { visibleText } from '../../../shared/model/visibleText';

type Revealed = { state: 'loading' } | { state: 'text'; value: string } | { state: 'binary'; bytes: number } | { state: 'error'; message: string };

/**
 * A Secret's keys with their values masked (the core masks them). "Reveal" asks the core for the
 * Secret once more with reveal: true and keeps only that one key's value, never the rest.
 */
export function SecretData({ context, target, obj }: { context: string; target: DetailsTarget; obj: any }) {
  const client = useClient();
  const keys = Object.keys({ ...(obj?.data ?? {}), ...(obj?.stringData ?? {}) }).sort();
  const [revealed, setRevealed] = useState<Record<string, Revealed>>({});
  useEffect(() => setRevealed({}), [target.uid]);

  const reveal = async (key: string) => {
    setRevealed((r) => ({ ...r, [key]: { state: 'loading' } }));
    try {
      const full: any = await client.request('resource.get', {
        context, group: target.group, version: target.version, resource: target.resource, namespace: target.namespace, name: target.name, reveal: true,
      });
      const raw = full?.data?.[key];
      let value: Revealed;
      if (typeof raw !== 'string') value = { state: 'error', message: 'This key is gone from the Secret.' };
      else {
        const text = decodeSecretValue(raw);
        value = text === undefined ? { state: 'binary', bytes: Math.floor((raw.length * 3) / 4) } : { state: 'text', value: text };
      }
      setRevealed((r) => ({ ...r, [key]: value }));
    } catch (e) {
      setRevealed((r) => ({ ...r, [key]: { state: 'error', message: (e as Error).message } }));
    }
  };
  const hide = (key: string) => setRevealed((r) => { const { [key]: _drop, ...rest } = r; return rest; });

  return (
    <Section title={`Data (${keys.length})`} testId="dp-secret-data">
      {obj?.type && <div className="muted dp-small dp-pad">Type: <span className="dp-mono">{obj.type}</span></div>}
      {keys.length === 0 && <div className="muted dp-none">No data</div>}
      <dl className="dp-data">
        {keys.map((k) => {
          const r = revealed[k];
          return (
            <div key={k} className="dp-data-row" data-testid={`dp-secret-${k}`}>
              <dt className="dp-mono">{k}</dt>
              <dd>
                {!r && <span className="dp-masked" aria-label="hidden value">••••••••</span>}
                {r?.state === 'loading' && <span className="muted">Reading…</span>}
                {r?.state === 'text' && <pre className="dp-value" data-testid="dp-secret-value">{visibleText(r.value)}</pre>}
                {r?.state === 'binary' && <span className="muted">Binary value, {r.bytes} bytes (not shown)</span>}
                {r?.state === 'error' && <span className="dp-tone-bad">{r.message}</span>}
                {r && r.state !== 'loading'
                  ? <button type="button" className="dp-btn-small" onClick={() => hide(k)}>Hide</button>
                  : !r && <button type="button" className="dp-btn-small" onClick={() => void reveal(k)} data-testid="dp-reveal">Reveal</button>}
              </dd>
            </div>
          );
        })}
      </dl>
    </Section>
  );
}

/** A ConfigMap's keys and values, as text. */
export function ConfigMapData({ obj }: { obj: any }) {
  const data = Object.entries((obj?.data ?? {}) as Record<string, string>).sort(([a], [b]) => a.localeCompare(b));
  const binary = Object.entries((obj?.binaryData ?? {}) as Record<string, string>);
  return (
    <Section title={`Data (${data.length + binary.length})`} testId="dp-configmap-data">
      {data.length + binary.length === 0 && <div className="muted dp-none">No data</div>}
      <dl className="dp-data">
        {data.map(([k, v]) => (
          <div key={k} className="dp-data-row dp-data-col"><dt className="dp-mono">{k}</dt><dd><pre className="dp-value"><LongText text={v} lines={12} /></pre></dd></div>
        ))}
        {binary.map(([k, v]) => (
          <div key={k} className="dp-data-row"><dt className="dp-mono">{k}</dt><dd className="muted">binary, {Math.floor((v.length * 3) / 4)} bytes</dd></div>
        ))}
      </dl>
    </Section>
  );
}
