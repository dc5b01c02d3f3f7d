import type { Permission } from '@aether/nats-harness';

/**
 * Exactly the permissions a bus with `subjectPrefix` needs to publish and to subscribe to any
 * pattern (the integration tests prove each one by taking it away). The README's "Security" block
 * is `permissionsBlock` of this for the prefix `shop.bus`.
 */
export function busPermissions(subjectPrefix: string): Permission[] {
  return [
    {
      permission: 'publish',
      subject: `${subjectPrefix}.>`,
      why: 'publish: any namespace, event type, actor',
    },
    { permission: 'subscribe', subject: `${subjectPrefix}.>`, why: 'subscribe: any pattern' },
  ];
}
