export const HELLO_CHART: string;
export function helmVersion(): string;
/** The folder holding the pinned helm binary (it may not be built yet). */
export function helmBinDir(): string;
export function helmPath(): string;
/** Builds helm when it is not cached yet; returns its path. */
export function ensureHelm(): string;
/** Runs the pinned helm; resolves stdout, rejects with an Error carrying stderr. */
export function helm(args: string[], opts: { kubeconfig: string; context?: string; timeoutMs?: number; env?: Record<string, string> }): Promise<string>;
/** The demo release (install greeting=hello, upgrade greeting=bonjour): two revisions; idempotent. */
export function seedHelmRelease(opts: { kubeconfig: string; context?: string; namespace?: string; release?: string; log?: (m: string) => void }): Promise<void>;
