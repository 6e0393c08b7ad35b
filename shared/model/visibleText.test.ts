import { describe, expect, it } from 'vitest';
import { visibleText } from './visibleText';

describe('visibleText', () => {
  it('shows bidi overrides and zero-width characters as visible code points', () => {
    expect(visibleText('a \u202Egnp.exe')).toBe('a ⟦U+202E⟧gnp.exe');
    expect(visibleText('x\u200By\u2066z\uFEFF')).toBe('x⟦U+200B⟧y⟦U+2066⟧z⟦U+FEFF⟧');
  });
  it('shows ESC and the other C0/C1 control codes, keeping tab and newlines as layout', () => {
    expect(visibleText('pod-\u001B[31mred')).toBe('pod-⟦U+001B⟧[31mred');
    expect(visibleText('a\u0000b\u0007c\u007Fd\u0085e\u009Bf')).toBe('a⟦U+0000⟧b⟦U+0007⟧c⟦U+007F⟧d⟦U+0085⟧e⟦U+009B⟧f');
    expect(visibleText('line1\n\tline2\r\n')).toBe('line1\n\tline2\r\n');
  });
  it('leaves ordinary text (markup included) untouched', () => {
    expect(visibleText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(visibleText('héllo – 世界')).toBe('héllo – 世界');
    expect(visibleText('a\u202Eb')).toBe(visibleText('a\u202Eb'));
  });
});
