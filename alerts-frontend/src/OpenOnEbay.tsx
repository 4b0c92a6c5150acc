import type { Alert } from './api';
import { ebayUrl } from './marketplaces';

/** The alert's search on eBay's website, in a new tab; nothing when the address is not an https eBay one. */
export function OpenOnEbay({ alert }: { alert: Alert }) {
  const href = ebayUrl(alert.ebaySearchUrl);
  if (!href) return null;
  return (
    // The name starts with the visible words (voice control users say them) and tells the rows apart.
    <a
      className="ebay-link"
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      aria-label={`Open on eBay: ${alert.searchPhrase} (opens in a new tab)`}
    >
      Open on eBay
    </a>
  );
}
