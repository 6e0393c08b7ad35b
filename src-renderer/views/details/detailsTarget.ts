/**
 * What the details panel shows: one object, by resource and name (uid to tell recreated objects apart),
 * and its context when that is not the workspace's own (a row of another cluster in a merged table).
 */
export interface DetailsTarget { group: string; version: string; resource: string; namespace?: string; name: string; uid: string; context?: string }
