/**
 * A sleep that can be cut short: the worker waits for the next poll, or for `notify()` when a
 * declaration was just stored or a sending slot came free. A notify while nobody waits is kept,
 * so a wake-up that races the start of a wait is not lost.
 */
export class Wakeup {
  private pending = false;
  private wakeWaiter: (() => void) | undefined;

  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeWaiter = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeWaiter = done;
    });
  }

  notify(): void {
    if (this.wakeWaiter) this.wakeWaiter();
    else this.pending = true;
  }
}
