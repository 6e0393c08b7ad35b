import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeValidation } from './validationText';
import { NamespaceName } from './actions';

describe('contract validation errors as sentences', () => {
  it('names each field and what is wrong; the raw issues are the detail', () => {
    const schema = z.object({ context: z.string(), target: z.object({ namespace: NamespaceName, replicas: z.number().int().min(0) }) });
    const r = schema.safeParse({ target: { namespace: 'Team_A', replicas: -1 } });
    expect(r.success).toBe(false);
    const d = describeValidation('Invalid input for actions.scale', r.error!);
    expect(d.message).toBe('Invalid input for actions.scale: context is missing or has the wrong type (expected string); target.namespace: '
      + 'must be a DNS-1123 label: lowercase letters, digits and \'-\', starting and ending with a letter or digit, at most 63 characters; target.replicas is too short or too small (minimum 0).');
    expect(d.detail).toContain('"invalid_format"');
    expect(d.message).not.toContain('[{');
  });
});
