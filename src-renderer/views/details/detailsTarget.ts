/** What the details panel shows: one object, by resource and name (uid to tell recreated objects apart). */
export interface DetailsTarget { group: string; version: string; resource: string; namespace?: string; name: string; uid: string }
