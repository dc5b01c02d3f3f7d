import { ValidationError } from '@aether/core';
import { headers, type MsgHdrs } from '@nats-io/nats-core';

/** The header naming the bus that published a message, so that it can skip its own echo. */
export const ORIGIN_HEADER = 'Aether-Origin';

const nodeIdPattern = /^[\x21-\x7E]{1,128}$/;

/** A node id: 1 to 128 visible ASCII characters (it travels in a header). */
export function validateNodeId(nodeId: unknown): string {
  if (typeof nodeId !== 'string' || !nodeIdPattern.test(nodeId)) {
    throw new ValidationError(
      'nodeId',
      `${JSON.stringify(nodeId)} must be 1 to 128 visible ASCII characters, without spaces`,
    );
  }
  return nodeId;
}

/** The headers every message of this node carries. */
export function originHeaders(nodeId: string): MsgHdrs {
  const hdrs = headers();
  hdrs.set(ORIGIN_HEADER, nodeId);
  return hdrs;
}
