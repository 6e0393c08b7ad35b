import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { MAIN_TOPOLOGY, TopologyFocusTarget, pendingTopologyFocus, requestTopologyFocus, takeTopologyFocus, useTopologyFocusRequest } from './topologyFocusRequest';

/** What a graph would focus: the uid its hook answers. */
function Graph({ name }: { name: string }) {
  const [uid] = useTopologyFocusRequest();
  return <i data-graph={name}>{uid ?? '-'}</i>;
}

describe('topology focus requests', () => {
  it('reach only the graph they name: a Helm release graph or an Application tree (no name) never sees them', () => {
    requestTopologyFocus('uid-1');
    const html = renderToStaticMarkup(<>
      <Graph name="helm" />
      <TopologyFocusTarget value={MAIN_TOPOLOGY}><Graph name="main" /></TopologyFocusTarget>
      <TopologyFocusTarget value="other"><Graph name="other" /></TopologyFocusTarget>
    </>);
    expect(html).toBe('<i data-graph="helm">-</i><i data-graph="main">uid-1</i><i data-graph="other">-</i>');
    takeTopologyFocus(MAIN_TOPOLOGY);
  });

  it('stay until the named graph takes them; another graph taking changes nothing', () => {
    requestTopologyFocus('uid-2');
    takeTopologyFocus(undefined);
    takeTopologyFocus('other');
    expect(pendingTopologyFocus(undefined)).toBeUndefined();
    expect(pendingTopologyFocus(MAIN_TOPOLOGY)).toBe('uid-2');
    takeTopologyFocus(MAIN_TOPOLOGY);
    expect(pendingTopologyFocus(MAIN_TOPOLOGY)).toBeUndefined();
  });

  it('a newer request replaces an older one', () => {
    requestTopologyFocus('a');
    requestTopologyFocus('b', 'other');
    expect(pendingTopologyFocus(MAIN_TOPOLOGY)).toBeUndefined();
    expect(pendingTopologyFocus('other')).toBe('b');
    takeTopologyFocus('other');
  });
});
