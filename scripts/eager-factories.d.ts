// Types of eager-factories.js (CommonJS, required by next.config.js under plain Node).
export declare function eagerFactories(source: string): { source: string; wrapped: number };
export declare function eagerChunks(dir: string): number;
export declare function eagerBrowserChunks(build: { distDir: string }): Promise<void>;
