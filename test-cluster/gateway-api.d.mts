export const GATEWAY_GROUP: string;
export const GATEWAY_CRDS: string[];
export const DEMO_GATEWAY_CONTROLLER: string;
export function gatewayApiVersion(): string;
export function gatewayCrdDir(): string;
export function ensureGatewayApiCrds(): string;
export function demoGatewayObjects(ns?: string): Record<string, any>[];
