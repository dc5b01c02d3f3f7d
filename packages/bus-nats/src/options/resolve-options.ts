import { randomUUID } from 'node:crypto';
import { ValidationError } from '@aether/core';
import type { NatsBusError } from '../errors/bus-error.js';
import { DEFAULT_SUBJECT_PREFIX, validateSubjectPrefix } from '../subjects/subject-layout.js';
import { validateNodeId } from '../wire/origin.js';
import type { NatsEventBusOptions } from './options.js';

/** A bus's options after defaults and checks. */
export interface ResolvedOptions {
  subjectPrefix: string;
  nodeId: string;
  onError: ((error: NatsBusError) => void) | undefined;
}

/** Applies the defaults and checks every option; throws `ValidationError` naming the bad one. */
export function resolveOptions(options: NatsEventBusOptions): ResolvedOptions {
  const { subjectPrefix = DEFAULT_SUBJECT_PREFIX, nodeId = randomUUID(), onError } = options;
  if (onError !== undefined && typeof onError !== 'function') {
    throw new ValidationError('onError', 'must be a function');
  }
  return { subjectPrefix: validateSubjectPrefix(subjectPrefix), nodeId: validateNodeId(nodeId), onError };
}
