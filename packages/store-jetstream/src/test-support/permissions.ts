import { type Permission, permissionsBlock } from '@aether/nats-harness';
import { snapshotBucketFor, subjectPrefixFor } from '../subjects/subject-layout.js';

/** The permissions of a store: on one replica, with `replicas > 1`, and to create its stream and bucket. */
export interface StorePermissions {
  /** All a store on a single-replica stream needs. */
  required: Permission[];
  /** With `replicas > 1`, the store asks the stream leader instead of making the `directGets`. */
  replicated: Permission[];
  /** The entries of `required` for the stream's direct gets, which a replicated stream does without. */
  directGets: Permission[];
  creation: Permission[];
  /** For the watch of the snapshot keys (`SnapshotKeys`); without them every snapshot lookup asks the server. */
  snapshotIndex: Permission[];
}

/**
 * Exactly the permissions a store on `stream` needs (the integration tests prove each one by taking
 * it away), for a connection made with `inboxPrefix`. The README's "Security" block is
 * `storePermissionsBlock` of this for the stream `shop`.
 */
export function storePermissions(stream: string, inboxPrefix: string): StorePermissions {
  const bucket = snapshotBucketFor(stream);
  const publish = (subject: string, why: string): Permission => ({ permission: 'publish', subject, why });
  const directGets = [
    publish(`$JS.API.DIRECT.GET.${stream}.>`, 'reads and saves: the last event of an actor'),
    publish(`$JS.API.DIRECT.GET.${stream}`, 'a retried save: the event it duplicates'),
  ];
  return {
    directGets,
    required: [
      publish(`${subjectPrefixFor(stream)}.*`, 'saveEvent: one subject per actor'),
      publish('$JS.API.INFO', 'opening the store and the snapshot bucket'),
      publish(`$JS.API.STREAM.INFO.${stream}`, "opening: the stream's config; the log's head"),
      ...directGets,
      publish(`$JS.API.CONSUMER.CREATE.${stream}.>`, 'getEvents, readAll, subscribe: a consumer'),
      publish(`$JS.API.CONSUMER.MSG.NEXT.${stream}.>`, "pulling the consumer's messages"),
      publish(`$JS.API.CONSUMER.DELETE.${stream}.>`, 'deleting the consumer'),
      publish(`$JS.API.STREAM.INFO.KV_${bucket}`, 'snapshots: opening the bucket'),
      publish(`$JS.API.DIRECT.GET.KV_${bucket}.>`, "snapshots: an actor's snapshot"),
      publish(`$KV.${bucket}.>`, 'saveSnapshot'),
      {
        permission: 'subscribe',
        subject: `${inboxPrefix}.>`,
        why: `every answer: connect with inboxPrefix '${inboxPrefix}'`,
      },
    ],
    replicated: [publish(`$JS.API.STREAM.MSG.GET.${stream}`, 'reads and saves, from the stream leader')],
    creation: [
      publish(`$JS.API.STREAM.CREATE.${stream}`, 'the stream'),
      publish(`$JS.API.STREAM.CREATE.KV_${bucket}`, 'the snapshot bucket'),
    ],
    snapshotIndex: [
      publish(`$JS.API.CONSUMER.CREATE.KV_${bucket}.>`, 'the watch of the snapshot keys'),
      publish(`$JS.API.CONSUMER.DELETE.KV_${bucket}.>`, 'deleting it on close()'),
      publish(`$JS.FC.KV_${bucket}.>`, 'its flow control'),
    ],
  };
}

/** What a store on a stream with `replicas > 1` needs: the leader's message get instead of direct gets. */
export function replicatedStorePermissions({
  required,
  replicated,
  directGets,
}: StorePermissions): Permission[] {
  return [...required.filter((entry) => !directGets.includes(entry)), ...replicated];
}

/** The README's config block: the required permissions, the others commented out. */
export function storePermissionsBlock({
  required,
  replicated,
  creation,
  snapshotIndex,
}: StorePermissions): string {
  return permissionsBlock(required, [
    { heading: 'with replicas > 1, instead of the two DIRECT.GET lines of the stream:', entries: replicated },
    { heading: 'for the store to create its stream and snapshot bucket itself, also:', entries: creation },
    {
      heading: 'to answer snapshot lookups of actors without one with no request, also:',
      entries: snapshotIndex,
    },
  ]);
}
