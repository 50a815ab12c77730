import { VERSION } from './version.js';

const VERSION_KEY = Symbol.for('shouyin.version');

/**
 * Registers Shouyin elements, eager ones (`define.ts`) and lazy ones (`lazy/load.ts`) alike. A
 * page may load the script twice, or two versions of it: tags that already exist are left
 * alone (the first copy wins), with one console warning that names both versions, instead of
 * the `NotSupportedError` a second `define` throws.
 */
export function defineTags(
  elements: ReadonlyArray<readonly [string, CustomElementConstructor]>,
  registry: CustomElementRegistry = customElements,
): void {
  const skipped: string[] = [];
  for (const [tag, element] of elements) {
    if (registry.get(tag)) {
      skipped.push(tag);
      continue;
    }
    registry.define(tag, element);
  }
  const registered = globalThis as { [VERSION_KEY]?: string };
  if (skipped.length > 0) {
    console.warn(
      `shouyin ${VERSION}: ${skipped.join(', ')} already defined by shouyin ${registered[VERSION_KEY] ?? 'unknown'}; this copy is not registered.`,
    );
  } else {
    registered[VERSION_KEY] ??= VERSION;
  }
}
