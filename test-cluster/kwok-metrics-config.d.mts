export const USAGE_CPU: string;
export const USAGE_MEMORY: string;
export const WAVE_HIGH: string;
export const WAVE_LOW: string;
export const WAVE_PERIOD: string;
export function kwokMetricsDocs(): Record<string, unknown>[];
