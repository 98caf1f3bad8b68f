// The part of madge's API (https://github.com/pahen/madge) the layering test uses; madge ships no types.
declare module 'madge' {
  interface MadgeResult {
    /** Each module (path relative to the base folder) and the modules it imports. */
    obj(): Record<string, string[]>;
    /** Import cycles, each as the modules in it. */
    circular(): string[][];
    warnings(): { skipped: string[] };
  }
  function madge(path: string, config?: { fileExtensions?: string[]; tsConfig?: string }): Promise<MadgeResult>;
  export default madge;
}
