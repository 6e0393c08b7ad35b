import type { Dispatcher } from 'undici';

/** What one request's observer hears from the transport. */
export interface ResponseObserver {
  /** Response headers or body bytes arrived (as undici reads them, before the consumer does). */
  onBytes?(): void;
  /**
   * The response was received in full, failed, or was aborted; called once. `status` is the answer's
   * (undefined when there was none).
   */
  onSettled?(status: number | undefined): void;
}

/**
 * An undici interceptor that reports each request's response traffic and end to an observer made for
 * that request. It sits where undici delivers the response, so it sees every byte and every way a
 * request ends (aborts and destroyed connections included), whoever reads the body and however.
 */
export function observeResponses(observerFor: () => ResponseObserver): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (opts, handler) => {
    const observed = new ObservedHandler(handler, observerFor());
    try {
      return dispatch(opts, observed);
    } catch (err) {
      observed.settle();
      throw err;
    }
  };
}

class ObservedHandler implements Dispatcher.DispatchHandler {
  private status: number | undefined;
  private settled = false;

  constructor(private readonly inner: Dispatcher.DispatchHandler, private readonly observer: ResponseObserver) {}

  settle(): void {
    if (this.settled) return;
    this.settled = true;
    this.observer.onSettled?.(this.status);
  }

  onRequestStart(controller: Dispatcher.DispatchController, context: any): void {
    this.inner.onRequestStart?.(controller, context);
  }

  onRequestUpgrade(controller: Dispatcher.DispatchController, statusCode: number, headers: any, socket: any): void {
    this.status = statusCode;
    this.settle();
    this.inner.onRequestUpgrade?.(controller, statusCode, headers, socket);
  }

  onResponseStarted(): void { this.inner.onResponseStarted?.(); }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number, headers: any, statusMessage?: string): void {
    // Interim 1xx answers come before the final one.
    if (statusCode >= 200) this.status = statusCode;
    this.observer.onBytes?.();
    this.inner.onResponseStart?.(controller, statusCode, headers, statusMessage);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.observer.onBytes?.();
    this.inner.onResponseData?.(controller, chunk);
  }

  onResponseEnd(controller: Dispatcher.DispatchController, trailers: any): void {
    this.settle();
    this.inner.onResponseEnd?.(controller, trailers);
  }

  onResponseError(controller: Dispatcher.DispatchController, error: Error): void {
    this.settle();
    this.inner.onResponseError?.(controller, error);
  }

  onBodySent(chunk: Buffer): void { this.inner.onBodySent?.(chunk); }

  onRequestSent(): void { this.inner.onRequestSent?.(); }
}
