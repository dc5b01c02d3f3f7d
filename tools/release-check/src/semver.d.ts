// The part of semver (the npm package, no types of its own) this tool uses.
declare module 'semver' {
  export type ReleaseType = 'major' | 'minor' | 'patch';
  export function satisfies(
    version: string,
    range: string,
    options?: { includePrerelease?: boolean },
  ): boolean;
  export function subset(sub: string, dom: string, options?: { includePrerelease?: boolean }): boolean;
  export function inc(version: string, release: ReleaseType): string | null;
  export function gt(left: string, right: string): boolean;
}
