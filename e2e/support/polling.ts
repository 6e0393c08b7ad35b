/** Polls until `check` stops throwing (views follow the cluster through a watch, a moment later). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 45_000, intervalMs = 400): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
}
