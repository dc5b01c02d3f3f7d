import type { EventSubscription, Position } from '@aether/core';
import { describeEvent } from './format.js';
import type { WatchOutput } from './watch-output.js';

/** Prints the log as it comes, "caught up at N" at the boundary; returns how many events it printed. */
export async function printLog(subscription: EventSubscription, { print }: WatchOutput): Promise<number> {
  let head: Position | undefined;
  let announced = false;
  const announce = () => {
    if (announced || head === undefined) return;
    announced = true;
    print(`caught up at ${head}; live from here`);
  };
  void subscription.caughtUp.then(
    (position) => {
      head = position;
      // caughtUp resolves as the last event up to the head is handed out, before the loop below
      // has printed it: announce once the pending promise callbacks (that print) have run.
      setImmediate(announce);
    },
    () => undefined, // ended before catching up (stopped): nothing to announce
  );
  let count = 0;
  for await (const { event, position } of subscription) {
    if (head !== undefined && position > head) announce();
    print(`${`#${position}`.padEnd(5)} ${describeEvent(event)}`);
    count++;
  }
  announce(); // caught up just before it was stopped: say so before "Stopped"
  return count;
}
