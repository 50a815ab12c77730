/** Waits until `check` holds, as a payer waits for the screen to change. */
export async function until(check: () => boolean, what: string, timeout = 8000): Promise<void> {
  const deadline = performance.now() + timeout;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`not within ${timeout} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits until `probe` finds something, and returns it (an element that comes with a chunk, a region's text). */
export async function found<T>(what: string, probe: () => T | undefined | null | false, timeout = 8000): Promise<T> {
  const deadline = performance.now() + timeout;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`not within ${timeout} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
