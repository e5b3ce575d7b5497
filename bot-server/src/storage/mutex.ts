// FIFO async mutex. SQLite has one synchronous connection: while a transaction's callback awaits,
// other callers' statements must not slip into it, so everything on that connection queues here.

export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  async run<T>(fn: () => T | Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
