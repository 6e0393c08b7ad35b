import type { z } from 'zod';

/** One field's problem, named by its path (`target.namespace: must be a DNS-1123 label …`). */
function sentence(issue: z.core.$ZodIssue): string {
  const field = issue.path.length ? issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[') : 'the request';
  switch (issue.code) {
    case 'invalid_type': return `${field} is missing or has the wrong type (expected ${issue.expected})`;
    case 'too_small': return `${field} is too short or too small (minimum ${String(issue.minimum)})`;
    case 'too_big': return `${field} is too long or too large (maximum ${String(issue.maximum)})`;
    case 'invalid_value': return `${field} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys': return `${field} has unknown fields: ${issue.keys.join(', ')}`;
    default: return `${field}: ${issue.message}`;
  }
}

/**
 * A contract validation failure as sentences naming each field (the raw issue list is for "details"):
 * what a person sees when input the app sent, or an answer it got, does not fit the contract.
 */
export function describeValidation(what: string, error: z.ZodError): { message: string; detail: string } {
  const parts = error.issues.slice(0, 5).map(sentence);
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more)` : '';
  return { message: `${what}: ${parts.join('; ')}${more}.`, detail: JSON.stringify(error.issues, null, 2) };
}
