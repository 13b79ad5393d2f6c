// Types of compile-hints.js (CommonJS, required by next.config.js under plain Node).
export declare const HINT: string;
export declare function markChunks(dir: string): number;
export declare function markBrowserChunks(build: { distDir: string }): Promise<void>;
