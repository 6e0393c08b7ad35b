import { useCallback, useEffect, useReducer, useRef, useState } from 'react';

export interface HeldWhileMoving<T> {
  /** `value` as it was when the gesture began, or the latest one when no gesture is under way. */
  shown: T;
  /** Wire to React Flow's onMoveStart/onMoveEnd. */
  onMoveStart(): void;
  onMoveEnd(): void;
}

/**
 * Holds a value back while the user pans or zooms, for at most `maxHoldMs`. A live graph update
 * re-derives every node and edge and React Flow takes them all in: one long frame, which in the middle
 * of a gesture is a visible hitch and between gestures is not. Outside a gesture the value passes at once.
 */
export function useHeldWhileMoving<T>(value: T, maxHoldMs: number): HeldWhileMoving<T> {
  const [shown, setShown] = useState(value);
  const moving = useRef(false);
  const pendingSince = useRef<number | undefined>(undefined);
  const [, rerender] = useReducer((n: number) => n + 1, 0);

  // The documented way to follow a prop: an update during render, before anything is committed.
  if (shown !== value && !moving.current) setShown(value);

  // A gesture that goes on: let a held value through after maxHoldMs all the same.
  useEffect(() => {
    if (shown === value) { pendingSince.current = undefined; return; }
    pendingSince.current ??= Date.now();
    const t = setTimeout(() => setShown(value), Math.max(0, pendingSince.current + maxHoldMs - Date.now()));
    return () => clearTimeout(t);
  }, [shown, value, maxHoldMs]);

  const onMoveStart = useCallback(() => { moving.current = true; }, []);
  const onMoveEnd = useCallback(() => {
    moving.current = false;
    if (pendingSince.current !== undefined) rerender();
  }, []);
  return { shown, onMoveStart, onMoveEnd };
}
