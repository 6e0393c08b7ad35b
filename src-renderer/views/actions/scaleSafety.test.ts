import { describe, expect, it } from 'vitest';
import { scaleQuestion } from './scaleSafety';

describe('scaleQuestion', () => {
  it('asks before scaling to 0, as a danger', () => {
    const q = scaleQuestion({ kind: 'Deployment', name: 'web', from: 1, to: 0, autoscalers: [] });
    expect(q).toMatchObject({ confirm: 'Scale to 0', danger: true });
    expect(q!.body[0]).toMatch(/stops every one of its pods/);
  });
  it('warns about an HPA without blocking, and names it when known', () => {
    expect(scaleQuestion({ kind: 'Deployment', name: 'api', from: 2, to: 3, autoscalers: ['api'] })).toMatchObject({ danger: false, body: [expect.stringContaining('"api" manages the replicas')] });
    expect(scaleQuestion({ kind: 'Deployment', name: 'api', from: 2, to: 3, autoscalers: true })!.body[0]).toMatch(/^HorizontalPodAutoscaler manages/);
  });
  it('does not ask for an ordinary scale', () => {
    expect(scaleQuestion({ kind: 'Deployment', name: 'web', from: 2, to: 3, autoscalers: [] })).toBeUndefined();
    expect(scaleQuestion({ kind: 'Deployment', name: 'web', from: 0, to: 0, autoscalers: false })).toBeUndefined();
  });
});
