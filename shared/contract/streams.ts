

// Logs, exec and port-forward streams are added here by the streams work.
export const streamMethods = {} as const;
export const streamTopics = {} as const;
