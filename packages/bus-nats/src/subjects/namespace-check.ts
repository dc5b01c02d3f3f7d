import { validateNamespace } from '@aether/core/adapter';
import { checkNamespaceLength } from './subject-layout.js';

/**
 * `validateNamespace` plus the bus's length limit, remembering up to `capacity` namespaces that
 * passed (emptied when full): a bus sees the same few namespaces on every publish and every
 * received message, and this keeps the check off their hot paths.
 */
export class NamespaceCheck {
  readonly #valid = new Set<string>();
  readonly #capacity: number;

  constructor(capacity = 1024) {
    this.#capacity = capacity;
  }

  /** Throws `ValidationError` (field `namespace`) for a namespace the bus cannot publish to. */
  check(namespace: string): void {
    if (this.#valid.has(namespace)) return;
    validateNamespace(namespace);
    checkNamespaceLength(namespace, 'namespace');
    if (this.#valid.size >= this.#capacity) this.#valid.clear();
    this.#valid.add(namespace);
  }
}
