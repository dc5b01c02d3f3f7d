// README:start
import type { Event } from '@aether/core';
import { type Clock, systemClock } from '@aether/retry';
import { InMemoryEventStore } from '@aether/store-memory';
import { type Decider, handleCommand } from '../index.js';

type Deposited = Event<'Deposited', { amount: number }>;
type Withdrawn = Event<'Withdrawn', { amount: number }>;
type AccountEvent = Deposited | Withdrawn;
type AccountCommand = { type: 'Deposit'; amount: number } | { type: 'Withdraw'; amount: number };

class InsufficientFunds extends Error {
  constructor(balance: number, amount: number) {
    super(`cannot withdraw ${amount} from a balance of ${balance}`);
    this.name = 'InsufficientFunds';
  }
}

const account: Decider<{ balance: number }, AccountCommand, AccountEvent> = {
  initialState: () => ({ balance: 0 }),
  evolve: ({ balance }, event) => {
    switch (event.eventType) {
      case 'Deposited':
        return { balance: balance + event.data.amount };
      case 'Withdrawn':
        return { balance: balance - event.data.amount };
    }
  },
  decide: (command, { balance }) => {
    if (command.amount === 0) return []; // nothing to do: nothing is stored
    if (command.type === 'Deposit') return [{ eventType: 'Deposited', data: { amount: command.amount } }];
    if (command.amount > balance) throw new InsufficientFunds(balance, command.amount);
    return [{ eventType: 'Withdrawn', data: { amount: command.amount } }];
  },
};

// `clock` is there so the tests can run this without waiting; leave it out in your code.
export async function main(clock: Clock = systemClock): Promise<string[]> {
  const store = new InMemoryEventStore();
  const lines: string[] = [];
  const deposit = { type: 'Deposit', amount: 100 } as const;
  const opened = await handleCommand(store, 'account-1', deposit, account, { correlationId: 'signup-7' });
  const [event] = opened.events;
  lines.push(`${event?.eventType} v${event?.version}, balance ${opened.state.balance}`);
  lines.push(
    `metadata: ${JSON.stringify(event?.metadata)}`.replace(/"causationId":"[^"]+"/, '"causationId":"…"'),
  );

  const idle = await handleCommand(store, 'account-1', { type: 'Deposit', amount: 0 }, account);
  lines.push(`deposit of 0: ${idle.events.length} events, still v${idle.version}`);

  try {
    await handleCommand(store, 'account-1', { type: 'Withdraw', amount: 500 }, account);
  } catch (error) {
    if (!(error instanceof InsufficientFunds)) throw error;
    lines.push(`refused: ${error.message}`); // your own error, untouched, never retried
  }

  // Two withdrawals at the same moment: both decide on version 1; the store takes one, the other
  // conflicts, reloads (balance 70) and decides again.
  const withdrawals = await Promise.all(
    [30, 50].map((amount) =>
      handleCommand(store, 'account-1', { type: 'Withdraw', amount }, account, { clock }),
    ),
  );
  for (const { events, version, attempts, state } of withdrawals) {
    lines.push(
      `withdrew ${events[0]?.data.amount} as v${version} in ${attempts} attempt(s), balance ${state.balance}`,
    );
  }
  return lines;
}
// README:end
