import { describe, expect, it } from 'vitest';
import { visibleText } from './visibleText';

describe('visibleText', () => {
  it('shows bidi overrides and zero-width characters as visible code points', () => {
    expect(visibleText('a \u202Egnp.exe')).toBe('a ⟦U+202E⟧gnp.exe');
    expect(visibleText('x\u200By\u2066z\uFEFF')).toBe('x⟦U+200B⟧y⟦U+2066⟧z⟦U+FEFF⟧');
  });
  it('leaves ordinary text (markup included) untouched', () => {
    expect(visibleText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(visibleText('héllo – 世界')).toBe('héllo – 世界');
    expect(visibleText('a\u202Eb')).toBe(visibleText('a\u202Eb'));
  });
});
