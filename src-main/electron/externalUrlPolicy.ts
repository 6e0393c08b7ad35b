// The rule lives in shared/ so the renderer applies the same one before asking to open a terminal link.
export { externalUrlToOpen } from '../../shared/model/externalUrl';
