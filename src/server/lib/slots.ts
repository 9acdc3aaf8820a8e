/**
 * At most `size` calls of `run` at a time; the rest wait in order. For CPU- and memory-heavy work
 * (reading the text out of uploaded files) where more at once only adds memory, not speed.
 */
export function slots(size: number) {
  let busy = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(work: () => Promise<T>): Promise<T> {
    if (busy >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    else busy++;
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else busy--;
    }
  };
}
