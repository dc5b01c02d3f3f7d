import type { EventStore } from '@aether/core';
import { describe, expect, it } from 'vitest';
import { expectValidationError, rejectionOf } from '../store-kit/outcomes.js';
import { sampleEvent, saveHistory } from '../store-kit/sample-events.js';
import type { SuiteContext } from '../store-kit/suite-context.js';

export function saveAndReadTests({ store, newId }: SuiteContext<EventStore>): void {
  const saveVersions = (actorId: string, versions: number[]) =>
    saveHistory(store(), newId, actorId, versions);

  describe('saving and reading', () => {
    it('returns every field of every event as saved, in ascending version order', async () => {
      const actorId = newId('order');
      const events = await saveVersions(actorId, [1, 2, 3]);
      expect(await store().getEvents(actorId)).toEqual(events);
    });

    it('keeps an event without metadata free of metadata', async () => {
      const actorId = newId('order');
      const { metadata: _dropped, ...bare } = sampleEvent(newId('event'), actorId, 1);
      await store().saveEvent(bare);
      const [read] = await store().getEvents(actorId);
      expect(read).toEqual(bare);
      expect(read?.metadata).toBeUndefined();
    });

    it('round-trips every JSON type in data, Unicode included', async () => {
      const actorId = newId('order');
      const data = {
        text: 'naïve café 注文 😀 "quoted" \\ back\nslash',
        empty: '',
        zero: 0,
        negative: -12.5,
        large: Number.MAX_SAFE_INTEGER,
        tiny: 5e-324,
        yes: true,
        no: false,
        nothing: null,
        list: [1, 'two', [3], { four: 4 }, null],
        emptyList: [],
        emptyObject: {},
        deep: { a: { b: { c: { d: ['e'] } } } },
      };
      const event = sampleEvent(newId('event'), actorId, 1, { data });
      await store().saveEvent(event);
      expect((await store().getEvents(actorId))[0]?.data).toEqual(data);
    });

    it('reads -0 back as 0 at any depth, and leaves out properties whose value is undefined, as JSON does', async () => {
      const actorId = newId('order');
      const data = { zero: -0, list: [-0, [-0]], nested: { zero: -0, gone: undefined }, gone: undefined };
      await store().saveEvent(sampleEvent(newId('event'), actorId, 1, { data }));
      const read = (await store().getEvents(actorId))[0]?.data;
      expect(read).toStrictEqual({ zero: 0, list: [0, [0]], nested: { zero: 0 } });
    });

    it('reports the latest version after each save', async () => {
      const actorId = newId('order');
      for (const version of [1, 2, 3]) {
        await store().saveEvent(sampleEvent(newId('event'), actorId, version));
        expect(await store().getLatestVersion(actorId)).toBe(version);
      }
    });

    it('reads from fromVersion inclusive, and nothing beyond the latest version', async () => {
      const actorId = newId('order');
      const events = await saveVersions(actorId, [1, 2, 3]);
      expect(await store().getEvents(actorId, 2)).toEqual(events.slice(1));
      expect(await store().getEvents(actorId, 3)).toEqual(events.slice(2));
      expect(await store().getEvents(actorId, 4)).toEqual([]);
      expect(await store().getEvents(actorId, 1_000_000)).toEqual([]);
    });

    it('reads everything when fromVersion is omitted, 1 or 0', async () => {
      const actorId = newId('order');
      const events = await saveVersions(actorId, [1, 2]);
      expect(await store().getEvents(actorId)).toEqual(events);
      expect(await store().getEvents(actorId, 1)).toEqual(events);
      expect(await store().getEvents(actorId, 0)).toEqual(events);
    });

    for (const bad of [-1, 1.5, Number.NaN]) {
      it(`rejects fromVersion ${bad} with a ValidationError`, async () => {
        const actorId = newId('order');
        await saveVersions(actorId, [1]);
        expectValidationError(await rejectionOf(() => store().getEvents(actorId, bad)), 'fromVersion');
      });
    }

    it('accepts versions with gaps: any version above the latest is next', async () => {
      const actorId = newId('order');
      const events = await saveVersions(actorId, [3, 5, 10]);
      expect(await store().getLatestVersion(actorId)).toBe(10);
      expect(await store().getEvents(actorId)).toEqual(events);
      expect(await store().getEvents(actorId, 4)).toEqual(events.slice(1));
      expect(await store().getEvents(actorId, 6)).toEqual(events.slice(2));
    });

    it('accepts the largest safe integer as a version', async () => {
      const actorId = newId('order');
      const events = await saveVersions(actorId, [1, Number.MAX_SAFE_INTEGER]);
      expect(await store().getLatestVersion(actorId)).toBe(Number.MAX_SAFE_INTEGER);
      expect(await store().getEvents(actorId, Number.MAX_SAFE_INTEGER)).toEqual(events.slice(1));
    });

    it('reads a longer history from its middle', async () => {
      const actorId = newId('order');
      const events = await saveVersions(
        actorId,
        Array.from({ length: 250 }, (_, index) => index + 1),
      );
      const tail = await store().getEvents(actorId, 200);
      expect(tail.map((event) => event.version)).toEqual(events.slice(199).map((event) => event.version));
      expect(tail).toEqual(events.slice(199));
    });

    it('keeps the histories of different actors apart', async () => {
      const first = newId('order');
      const second = newId('order');
      const firstEvents = await saveVersions(first, [1, 2]);
      const secondEvents = await saveVersions(second, [1]);
      expect(await store().getEvents(first)).toEqual(firstEvents);
      expect(await store().getEvents(second)).toEqual(secondEvents);
      expect(await store().getLatestVersion(first)).toBe(2);
      expect(await store().getLatestVersion(second)).toBe(1);
    });
  });
}
