import { describe, expect, it } from 'vitest';
import { invalidNameReason, nameRuleFor } from './objectNames';

describe('object names per kind, as the API server validates them', () => {
  it('most kinds take DNS-1123 subdomains; Namespace a label; Service a DNS-1035 label; RBAC objects path segments', () => {
    expect(nameRuleFor('Deployment')).toBe('dns1123-subdomain');
    expect(invalidNameReason('Deployment', 'web.v2')).toBeUndefined();
    expect(invalidNameReason('Deployment', 'My_App')).toMatch(/^metadata\.name: Invalid value: "My_App": a lowercase RFC 1123 subdomain must consist of/);
    expect(invalidNameReason('Namespace', 'team.a')).toMatch(/RFC 1123 label/);
    expect(invalidNameReason('Namespace', 'a'.repeat(64))).toMatch(/no more than 63 characters/);
    expect(invalidNameReason('Service', '1web')).toMatch(/DNS-1035 label must .* start with an alphabetic character/);
    expect(invalidNameReason('ClusterRole', 'system:aggregate-to-edit')).toBeUndefined();
    expect(invalidNameReason('Role', 'a/b')).toMatch(/may not contain '\/'/);
  });
});
