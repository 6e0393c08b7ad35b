export declare const projectRoot: string;
export declare function findElectronBinary(env?: NodeJS.ProcessEnv): { bin: string; reason?: undefined } | { bin?: undefined; reason: string };
export declare function electronVersion(): string;
