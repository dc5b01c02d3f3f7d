import { pinnedVersion } from '../../run/peer-versions.js';

/** The raw nats.js baselines' column names, naming the version measured. */
export const rawName = `raw nats.js ${pinnedVersion('@nats-io/jetstream')}`;
/** Raw nats.js that also serialises (appends) or parses (replay) JSON, as a hand-written store would. */
export const rawJsonName = `${rawName} + JSON`;
