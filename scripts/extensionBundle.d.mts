import type { BuildOptions } from 'esbuild';

export declare const production: boolean;
export declare const nodeCommon: BuildOptions;
export declare function activationBundle(outdir: string): BuildOptions;
export declare function extensionBuilds(outdir: string): BuildOptions[];
export declare function singleFileExtension(outdir: string): BuildOptions;
