// What every `kubectl create` builder shares: the error a form shows beside a field, and the checks
// kubectl makes before it builds anything (names, keys), in kubectl's own words where it has them.
import { invalidNameReason } from '../model/objectNames';

/** A bad form value: `field` names the input so the form can show the message beside it. */
export class CreateInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
    this.name = 'CreateInputError';
  }
}

/** The name rule of the kind (shared/model/objectNames.ts), as a form error on `name`. */
export function requireName(kind: string, name: string, field = 'name'): string {
  if (!name) throw new CreateInputError(field, `${kind} needs a name.`);
  const bad = invalidNameReason(kind, name);
  if (bad) throw new CreateInputError(field, bad);
  return name;
}

/** Namespaced objects carry the namespace they go to (kubectl sets it when `-n` is given). */
export function requireNamespace(namespace: string | undefined): string {
  if (!namespace) throw new CreateInputError('namespace', 'Choose a namespace first: this kind lives in one.');
  const bad = invalidNameReason('Namespace', namespace);
  if (bad) throw new CreateInputError('namespace', bad.replace(/^metadata\.name/, 'metadata.namespace'));
  return namespace;
}

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

/** apimachinery's IsConfigMapKey (ConfigMap and Secret data keys). */
export function configKeyProblem(key: string): string | undefined {
  if (!key) return 'a key must not be empty';
  if (key.length > 253) return 'must be no more than 253 characters';
  if (!CONFIG_KEY.test(key)) return "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
  if (key === '.' || key === '..') return `must not be '${key}'`;
  if (key.startsWith('..')) return "must not start with '..'";
  return undefined;
}

/** A port number 1–65535 from text (kubectl's ParsePort without zero). */
export function parsePortNumber(text: string, field: string): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new CreateInputError(field, `"${text}" is not a port number (1–65535).`);
  return n;
}

/** An IANA_SVC_NAME (a named container port): 1–15 chars, lowercase alphanumerics and '-', one letter at least. */
export function portNameProblem(name: string): string | undefined {
  if (name.length > 15) return 'must be no more than 15 characters';
  if (!/^[-a-z0-9]+$/.test(name)) return "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)";
  if (name.includes('--')) return "must not contain consecutive hyphens";
  if (!/[a-z]/.test(name)) return 'must contain at least one letter (a-z)';
  if (name.startsWith('-') || name.endsWith('-')) return 'must not begin or end with a hyphen';
  return undefined;
}

/** `intstr.Parse`: a whole number is a number, anything else a name. */
export const intOrString = (text: string): number | string => (/^-?\d+$/.test(text) ? Number(text) : text);
