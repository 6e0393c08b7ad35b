/** The single IPC channel between preload and main: contract frames, both directions, nothing else. */
export const FRAME_CHANNEL = 'wheelhouse:frame';
