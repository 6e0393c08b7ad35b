import { describe, expect, it } from 'vitest';
import { droppedChoice, namespaceChoices, namespaceNameError } from './namespaceChoices';

describe('namespaceChoices', () => {
  it('a user who may not list namespaces gets their own, the typed ones and a free-text field; no All without cluster-wide list', () => {
    const c = namespaceChoices({ access: { listNamespaces: false, listAllNamespaces: false }, contextNamespace: 'demo', typed: ['team-b', 'demo'], listed: [], current: 'demo' });
    expect(c).toEqual({ all: false, names: ['demo', 'team-b'], favourites: [], freeText: true });
  });
  it('a user who may list gets the listed namespaces and All', () => {
    const c = namespaceChoices({ access: { listNamespaces: true, listAllNamespaces: true }, typed: ['old'], listed: ['b', 'a'], current: undefined });
    expect(c).toEqual({ all: true, names: ['a', 'b'], favourites: [], freeText: false });
  });
  it('offers starred namespaces (sorted) among the names, even ones the list does not have', () => {
    const c = namespaceChoices({ access: { listNamespaces: true, listAllNamespaces: true }, typed: [], listed: ['b', 'a', 'c'], favourites: ['c', 'gone', 'a'] });
    expect(c).toEqual({ all: true, names: ['a', 'b', 'c', 'gone'], favourites: ['a', 'c', 'gone'], freeText: false });
    const limited = namespaceChoices({ access: { listNamespaces: false, listAllNamespaces: false }, contextNamespace: 'demo', typed: [], listed: [], current: 'demo', favourites: ['team-a'] });
    expect(limited.names).toEqual(['demo', 'team-a']);
  });
  it('keeps All while the answer is pending only if All is what is shown', () => {
    expect(namespaceChoices({ access: {}, typed: [], listed: [], current: undefined }).all).toBe(true);
    expect(namespaceChoices({ access: {}, typed: [], listed: [], current: 'x' }).all).toBe(false);
  });
});

describe('droppedChoice', () => {
  it('drops a forbidden All (remembered or implied) to the context namespace, else the last typed one', () => {
    expect(droppedChoice('*', { listAllNamespaces: false }, 'demo', [])?.namespace).toBe('demo');
    expect(droppedChoice(undefined, { listAllNamespaces: false }, undefined, ['t'])?.namespace).toBe('t');
    expect(droppedChoice('*', { listAllNamespaces: false }, 'demo', [])?.message).toContain('not available');
  });
  it('drops a remembered namespace whose pods may no longer be listed, never the context namespace', () => {
    expect(droppedChoice('gone', { listChosen: false }, 'demo', ['gone'])).toEqual({ namespace: 'demo', message: 'You may no longer list pods in namespace gone. Showing namespace demo.' });
    expect(droppedChoice('demo', { listChosen: false }, 'demo', [])).toBeUndefined();
    expect(droppedChoice('gone', { listChosen: true }, 'demo', [])).toBeUndefined();
  });
  it('keeps a choice that stands or is not answered yet', () => {
    expect(droppedChoice('*', { listAllNamespaces: true }, 'demo', [])).toBeUndefined();
    expect(droppedChoice('*', {}, 'demo', [])).toBeUndefined();
    expect(droppedChoice('demo', { listAllNamespaces: false }, 'demo', [])).toBeUndefined();
  });
});

describe('namespaceNameError', () => {
  it('accepts DNS labels only', () => {
    expect(namespaceNameError('demo-1')).toBeUndefined();
    expect(namespaceNameError('')).toMatch(/Type/);
    expect(namespaceNameError('Demo')).toMatch(/Lower-case/);
    expect(namespaceNameError('a'.repeat(64))).toMatch(/63/);
  });
});
