import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { tokenizeYaml } from './yamlTokens';

const join = (lines: ReturnType<typeof tokenizeYaml>) => lines.map((l) => l.map((t) => t[1]).join('')).join('\n');

describe('tokenizeYaml', () => {
  it('types keys and scalars', () => {
    const lines = tokenizeYaml('name: web\nreplicas: 3\npaused: false\nempty: null\nlabels: {}\nquoted: "8080"');
    expect(lines[0]).toEqual([['key', 'name'], ['punct', ':'], ['text', ' '], ['string', 'web']]);
    expect(lines[1][3]).toEqual(['number', '3']);
    expect(lines[2][3]).toEqual(['literal', 'false']);
    expect(lines[3][3]).toEqual(['literal', 'null']);
    expect(lines[4][3]).toEqual(['punct', '{}']);
    expect(lines[5][3]).toEqual(['string', '"8080"']);
  });

  it('handles sequences, nested sequences and keys inside items', () => {
    const lines = tokenizeYaml('containers:\n  - name: web\n    image: nginx:1.27\n  - - a\n    - b');
    expect(lines[1]).toEqual([['text', '  '], ['punct', '-'], ['text', ' '], ['key', 'name'], ['punct', ':'], ['text', ' '], ['string', 'web']]);
    expect(lines[2].slice(-1)).toEqual([['string', 'nginx:1.27']]);
    expect(lines[3].filter((t) => t[0] === 'punct').length).toBe(2);
  });

  it('colours block scalar bodies as strings, then resumes keys', () => {
    const text = stringify({ data: { 'script.sh': 'echo a: b\n# not a comment\n', after: 1 } }, { lineWidth: 0 });
    const lines = tokenizeYaml(text);
    const body = lines.filter((l) => l.length === 1 && l[0][0] === 'string').map((l) => l[0][1].trim());
    expect(body).toEqual(['echo a: b', '# not a comment']);
    expect(lines.at(-1)).toContainEqual(['key', 'after']);
  });

  it('keeps hostile text exactly as text', () => {
    const obj = { metadata: { annotations: { x: '<img src=x onerror=alert(1)>', y: '<script>alert(1)</script>' } } };
    const text = stringify(obj, { lineWidth: 0 });
    expect(join(tokenizeYaml(text))).toBe(text.replace(/\n$/, ''));
    expect(tokenizeYaml(text).flat().some((t) => t[1].includes('<img src=x onerror=alert(1)>'))).toBe(true);
  });

  it('round-trips a realistic object', () => {
    const obj = {
      apiVersion: 'apps/v1', kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web', 'app.kubernetes.io/part-of': 'shop' }, annotations: { 'note': 'a: b # c', multi: 'line1\nline2' } },
      spec: { replicas: 2, template: { spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }], args: ['--a', '-b', '- c'] }] } } },
      status: { conditions: [{ type: 'Available', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }] },
    };
    const text = stringify(obj, { lineWidth: 0 });
    expect(join(tokenizeYaml(text))).toBe(text.replace(/\n$/, ''));
  });
});
