/**
 * Helpers over office-addin-mock's OfficeMockObject: a request context whose sync() is counted and also syncs
 * the objects created during the batch (search results, ranges), and collections whose `items` stay unreadable
 * until loaded and synced, as in Office. The mock thereby catches a read before sync.
 */
import { OfficeMockObject } from "office-addin-mock";

export interface SyncCounter {
  syncs: number;
}

type Data = Record<string, unknown>;

export class Batch {
  private readonly pending: OfficeMockObject[] = [];
  constructor(readonly counter: SyncCounter) {}

  /** An object the host returns mid-batch (a Range, a RangeCollection): loadable, synced with the context. */
  tracked<T extends Data>(data: T): T & OfficeMockObject {
    const m = new OfficeMockObject(data as never);
    this.pending.push(m);
    return m as T & OfficeMockObject;
  }

  /** A collection: `items` readable only after load(...) and sync(), whatever the load path asked. */
  collection<T>(
    items: T[],
    extra: Data = {},
  ): { items: T[]; load(arg?: unknown): unknown } & OfficeMockObject {
    const loads: unknown[] = [];
    return this.tracked({
      ...extra,
      items,
      loads,
      load(this: OfficeMockObject, arg?: unknown) {
        loads.push(arg);
        // office-addin-mock cannot navigate "items/text" into an array: load "items" itself.
        return OfficeMockObject.prototype.load.call(this, "items");
      },
    }) as never;
  }

  /** The context passed to Word.run / Excel.run: sync() counts, then settles every tracked object. */
  context<T extends Data>(data: T): T & OfficeMockObject {
    const ctx = new OfficeMockObject(data as never) as T & OfficeMockObject;
    const own = OfficeMockObject.prototype.sync.bind(ctx);
    (ctx as Data).sync = async () => {
      this.counter.syncs++;
      await own();
      for (const p of this.pending) await p.sync();
      // OfficeMockObject.sync updates nested properties in un-awaited callbacks; let them run.
      await new Promise((r) => setTimeout(r, 0));
    };
    return ctx;
  }
}
