import { packLines } from '../../../shared/contract/packedLines';
import type { LogEvent } from '../../../shared/contract/streams';
import type { StreamSink } from './flowGate';

/** A sink that sends a log stream's `lines` events packed (see packedLines.ts); other events as they are. */
export function packedLogSink(sink: StreamSink<LogEvent>): StreamSink<LogEvent> {
  return {
    emit: (e) => sink.emit(e.type === 'lines' ? { type: 'packed', ...packLines(e.lines) } : e),
    unacked: () => sink.unacked(),
    congested: () => sink.congested(),
    onAck: (cb) => sink.onAck(cb),
  };
}
