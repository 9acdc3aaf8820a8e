import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

/**
 * Connections go to the oldest request first (docs/decisions/015). Every request is numbered as it
 * arrives; a statement waiting for a connection carries its request's number, so a request that
 * has started finishes before later ones take its turn. Statements outside a request (jobs,
 * scripts) are numbered when they ask. Without this the pool is first come, first served per
 * statement: a request of five statements queues five times behind newer requests.
 */
const requests = new AsyncLocalStorage<number>();
let arrivals = 0;

/** Runs `next` (the rest of a request's handling) as a request numbered now. */
export function inArrivalOrder(next: () => void) {
  requests.run(++arrivals, next);
}

type Client = pg.PoolClient;
type Callback = (err: Error | undefined, client: Client | undefined, done: (release?: Error | boolean) => void) => void;

/** A pg.Pool whose waiting statements are served oldest request first. */
export class RequestOrderPool extends pg.Pool {
  private checkedOut = 0;
  /** Waiting statements by request number, oldest first (a sorted array: the queue is short). */
  private waiting: { order: number; grant: () => void }[] = [];

  // biome-ignore lint/suspicious/noExplicitAny: pg.Pool's overloads (promise and callback) in one override.
  override connect(cb?: Callback): any {
    const order = requests.getStore() ?? ++arrivals;
    const client = this.turn(order).then(async () => {
      let c: Client;
      try {
        c = await super.connect();
      } catch (e) {
        this.done();
        throw e;
      }
      // pg-pool gives the client a new release function at every checkout.
      const release = c.release.bind(c);
      let released = false;
      c.release = (err?: Error | boolean) => {
        if (!released) {
          released = true;
          this.done();
        }
        return release(err);
      };
      return c;
    });
    if (!cb) return client;
    client.then(
      (c) => cb(undefined, c, c.release),
      (e) => cb(e, undefined, () => {}),
    );
    return undefined;
  }

  private turn(order: number): Promise<void> {
    // The pool's own size: pg-pool has filled in its default if none was given.
    if (this.checkedOut < (this.options.max as number) && this.waiting.length === 0) {
      this.checkedOut++;
      return Promise.resolve();
    }
    return new Promise((grant) => {
      let i = this.waiting.length;
      while (i > 0 && this.waiting[i - 1].order > order) i--;
      this.waiting.splice(i, 0, { order, grant });
    });
  }

  private done() {
    const next = this.waiting.shift();
    if (next) next.grant();
    else this.checkedOut--;
  }
}
