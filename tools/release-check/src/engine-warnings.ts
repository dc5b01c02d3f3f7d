const WARNING = /EBADENGINE\s+Unsupported engine/gi;
const WARNED_PACKAGE = /EBADENGINE\s+package:\s*'([^']+)'/gi;

/**
 * The packages npm's install output warns about with EBADENGINE, as `name@version`, sorted.
 * A warning whose package line cannot be read shows as `(unreadable EBADENGINE warning)`.
 */
export function engineWarnings(npmOutput: string): string[] {
  const packages = [...npmOutput.matchAll(WARNED_PACKAGE)].map((match) => match[1] as string);
  const unreadable = (npmOutput.match(WARNING)?.length ?? 0) - packages.length;
  for (let index = 0; index < unreadable; index++) packages.push('(unreadable EBADENGINE warning)');
  return [...new Set(packages)].sort();
}
