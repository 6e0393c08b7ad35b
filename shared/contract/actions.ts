

// Actions (scale, restart, undo, pause/resume, delete, cordon/drain, apply) are added here by the
// actions work; each one a method with validated params.
export const actionMethods = {} as const;
export const actionTopics = {} as const;
