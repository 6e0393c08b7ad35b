import { ConfirmDialog } from '../actions/ConfirmDialog';
import { externalUrlToOpen } from '../../../shared/model/externalUrl';
import { visibleText } from '../../../shared/model/visibleText';

/**
 * A hyperlink printed into a terminal (OSC 8) names any URL it likes, and what the link text shows
 * need not be where it goes. Clicking it opens nothing by itself: this in-app confirmation shows the
 * full URL first, and only plain http(s) links pass (the same rule as every other link; in Electron
 * the window-open handler then hands it to the OS browser through the allow-listed openExternal).
 */
export function TerminalLinkDialog({ url, onClose }: { url: string; onClose(): void }) {
  const safe = externalUrlToOpen(url);
  const open = () => {
    if (safe) window.open(safe, '_blank', 'noopener,noreferrer');
    onClose();
  };
  return (
    <ConfirmDialog title="Open a link from the terminal?" confirm="Open in browser" busy={!safe} onConfirm={open} onClose={onClose} testId="terminal-link-dialog"
      error={safe ? undefined : 'This link cannot be opened: only plain http and https links without a user name or password are allowed.'}>
      <p>A program in the container printed this link. Check where it goes before opening it:</p>
      <pre className="terminal-link-url" data-testid="terminal-link-url">{visibleText(url)}</pre>
    </ConfirmDialog>
  );
}
