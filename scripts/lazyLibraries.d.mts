import type { BuildOptions, Plugin } from 'esbuild';

/** file (without `.js`) → module name → the exports it carries ('*' for all). */
export declare const lazyLibraries: Record<string, Record<string, '*' | string[]>>;
export declare function lazyLibraryBuilds(common: BuildOptions, outdir: string): BuildOptions[];
export declare function lazyLibrariesPlugin(): Plugin;
