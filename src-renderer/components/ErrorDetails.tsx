import { visibleText } from '../../shared/model/visibleText';

/**
 * The raw detail behind an error sentence (an error code, the server's own words, a validation dump),
 * folded away: the sentence says what it means and what to do; this is for the curious and for bug reports.
 */
export function ErrorDetails({ detail }: { detail: string }) {
  return (
    <details className="error-details" data-testid="error-details">
      <summary>Details</summary>
      <pre>{visibleText(detail)}</pre>
    </details>
  );
}
