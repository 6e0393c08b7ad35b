/**
 * The name rules the API server applies per kind (apimachinery's validation: IsDNS1123Label,
 * IsDNS1123Subdomain, IsDNS1035Label, path segment names), checked before anything is sent, with the
 * server's own wording, so a bad name is reported as what it is and not as whatever the request
 * became with it in its path.
 */
export type NameRule = 'dns1123-label' | 'dns1123-subdomain' | 'dns1035-label' | 'path-segment';

const byKind: Record<string, NameRule> = {
  Namespace: 'dns1123-label',
  Service: 'dns1035-label',
  Role: 'path-segment', ClusterRole: 'path-segment', RoleBinding: 'path-segment', ClusterRoleBinding: 'path-segment',
};

/** The rule for a kind's names (most kinds, custom resources included, take DNS-1123 subdomains). */
export const nameRuleFor = (kind: string): NameRule => byKind[kind] ?? 'dns1123-subdomain';

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const SUBDOMAIN = `${LABEL}(\\.${LABEL})*`;
const DNS1035 = '[a-z]([-a-z0-9]*[a-z0-9])?';

/** Why `name` breaks its kind's rule, in the API server's words; undefined when it is valid. */
export function invalidNameReason(kind: string, name: string): string | undefined {
  const rule = nameRuleFor(kind);
  const bad = (why: string) => `metadata.name: Invalid value: ${JSON.stringify(name)}: ${why}`;
  switch (rule) {
    case 'dns1123-label':
      if (name.length > 63) return bad('must be no more than 63 characters');
      if (!new RegExp(`^${LABEL}$`).test(name)) return bad(`a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc', regex used for validation is '${LABEL}')`);
      return undefined;
    case 'dns1035-label':
      if (name.length > 63) return bad('must be no more than 63 characters');
      if (!new RegExp(`^${DNS1035}$`).test(name)) return bad(`a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name', or 'abc-123', regex used for validation is '${DNS1035}')`);
      return undefined;
    case 'dns1123-subdomain':
      if (name.length > 253) return bad('must be no more than 253 characters');
      if (!new RegExp(`^${SUBDOMAIN}$`).test(name)) return bad(`a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '${SUBDOMAIN}')`);
      return undefined;
    case 'path-segment':
      if (name === '.' || name === '..') return bad(`may not be '${name}'`);
      if (/[/%]/.test(name)) return bad(`may not contain '${name.includes('/') ? '/' : '%'}'`);
      return undefined;
  }
}
