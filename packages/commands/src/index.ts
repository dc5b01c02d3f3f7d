/**
 * `@aether/commands`: the layer application code is written against. A decider says what an actor
 * does; `handleCommand` loads the actor, decides, and appends the new events atomically, retrying
 * on version conflicts; `createEvent` builds a typed event for code that saves by hand.
 */
export type { Decider, Decision, NewEvent } from './decider/decider.js';
export { type CreateEventArgs, createEvent } from './events/create-event.js';
export { type CommandResult, handleCommand } from './handle/handle-command.js';
export type { HandleCommandOptions } from './handle/options.js';
export { type IdGenerator, uuidV7 } from './ids/uuid-v7.js';
