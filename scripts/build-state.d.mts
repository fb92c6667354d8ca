export declare const BUILD_SOURCES: string[];
export declare function newestMtime(paths: string[]): number;
export declare function isBuildCurrent(): boolean;
