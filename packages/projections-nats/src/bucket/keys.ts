import { ValidationError } from '@aether/core';

// The names runProjection accepts. A KV key token cannot hold `.`, so a name is one token with
// `.` written as `=`, which no name contains: distinct names never share a key.
const namePattern = /^[A-Za-z0-9._-]{1,200}$/;

/** The projection's name as one KV key token; `ValidationError` for a name runProjection would refuse. */
export function projectionToken(projection: string): string {
  if (typeof projection !== 'string' || !namePattern.test(projection)) {
    throw new ValidationError(
      'projection',
      `must be 1 to 200 letters, digits, ".", "_" or "-", got ${JSON.stringify(projection)}`,
    );
  }
  return projection.replaceAll('.', '=');
}

/** The keys of one projection in the bucket. */
export interface ProjectionKeys {
  /** The lease: who holds it, its fencing token and when it ends. */
  lease: string;
  /** The committed position, with the fencing token of the last holder that wrote it. */
  position: string;
  /** The parked events, one key per position: `parked.<projection>.<position>`. */
  parked(position: number): string;
  /** Matches every parked key of the projection (and of no other). */
  parkedFilter: string;
}

export function projectionKeys(projection: string): ProjectionKeys {
  const token = projectionToken(projection);
  return {
    lease: `lease.${token}`,
    position: `position.${token}`,
    parked: (position) => `parked.${token}.${position}`,
    parkedFilter: `parked.${token}.*`,
  };
}
