import { useId, useState } from 'react';
import type { AlertListing, Mute, MuteInput } from './api';
import { formatMoney, formatTime, muteableWords, shippingText } from './format';
import { ListingPriceChart } from './ListingPriceChart';
import { ebayUrl, webUrl } from './marketplaces';

type Panel = 'seller' | 'word' | null;

/**
 * One listing an alert told about: picture, title (a link only to https eBay addresses), price with
 * shipping, seller and state, with one-click feedback ("Not interested", "Mute seller", "Mute a
 * word…"), the Undo of what was muted from it, and its own price history on request.
 */
export function ListingRow({
  listing,
  alertId,
  undoable,
  busy,
  onMute,
  onUndo,
  onUnauthorized,
}: {
  listing: AlertListing;
  alertId: string;
  /** Mutes made from this row that can still be undone here. */
  undoable: Mute[];
  busy: boolean;
  onMute: (input: MuteInput) => void;
  onUndo: (mute: Mute) => void;
  onUnauthorized?: () => void;
}) {
  const id = useId();
  const [panel, setPanel] = useState<Panel>(null);
  const [chartOpen, setChartOpen] = useState(false);
  const [wordEverywhere, setWordEverywhere] = useState(false);
  const { title, currency, seller } = listing;
  const link = ebayUrl(listing.itemWebUrl);
  const plainUrl = link ? null : webUrl(listing.itemWebUrl);
  const picture = webUrl(listing.imageUrl);
  const words = panel === 'word' ? muteableWords(title) : [];
  const toggle = (which: Exclude<Panel, null>) => setPanel((p) => (p === which ? null : which));
  const mute = (input: MuteInput) => {
    setPanel(null);
    onMute(input);
  };

  return (
    <li className={`listing listing-${listing.state.toLowerCase()}`}>
      <div className="listing-main">
        {picture && <img className="listing-image" src={picture} alt="" width={72} height={72} loading="lazy" />}
        <div className="listing-text">
          <p className="listing-title" id={`${id}-title`}>
            {link ? (
              <a href={link} target="_blank" rel="noopener noreferrer">
                {title}
                <span className="visually-hidden"> (opens in a new tab)</span>
              </a>
            ) : (
              <strong>{title}</strong>
            )}
          </p>
          {plainUrl && <p className="hint listing-url">{plainUrl}</p>}
          <p className="listing-price">
            <strong>{formatMoney(listing.price, currency)}</strong> <span>{shippingText(listing)}</span>
            {listing.totalPrice != null && listing.shippingCost != null && Number(listing.shippingCost) > 0 && (
              <span> · {formatMoney(listing.totalPrice, currency)} in total</span>
            )}
          </p>
          <p className="listing-meta">
            <StateBadge listing={listing} />
            {seller && <span>Seller {seller}</span>}
            <span>Told {formatTime(listing.toldAt)}</span>
            {listing.endsAt && <span>Ends {formatTime(listing.endsAt)}</span>}
          </p>
        </div>
      </div>

      <div className="listing-actions" role="group" aria-label={`Feedback on ${title}`}>
        <button type="button" disabled={busy} onClick={() => mute({ alertId, kind: 'LISTING', value: listing.itemId })}>
          Not interested
        </button>
        {seller && (
          <button
            type="button"
            disabled={busy}
            aria-expanded={panel === 'seller'}
            aria-controls={panel === 'seller' ? `${id}-seller` : undefined}
            onClick={() => toggle('seller')}
          >
            Mute seller
          </button>
        )}
        <button
          type="button"
          disabled={busy}
          aria-expanded={panel === 'word'}
          aria-controls={panel === 'word' ? `${id}-word` : undefined}
          onClick={() => toggle('word')}
        >
          Mute a word…
        </button>
        <button
          type="button"
          aria-expanded={chartOpen}
          aria-controls={chartOpen ? `${id}-chart` : undefined}
          onClick={() => setChartOpen((o) => !o)}
        >
          Price history
        </button>
      </div>

      {panel === 'seller' && seller && (
        <div className="mute-panel" id={`${id}-seller`} role="group" aria-labelledby={`${id}-seller-label`}>
          <span id={`${id}-seller-label`}>Mute seller {seller} in</span>
          <button type="button" onClick={() => mute({ alertId, kind: 'SELLER', value: seller })}>
            This alert
          </button>
          <button type="button" onClick={() => mute({ alertId: null, kind: 'SELLER', value: seller })}>
            All my alerts
          </button>
          <button type="button" className="link" onClick={() => setPanel(null)}>
            Cancel
          </button>
        </div>
      )}

      {panel === 'word' && (
        <div className="mute-panel" id={`${id}-word`}>
          {words.length === 0 ? (
            <p className="hint">The title has no word of 3 letters or more to mute.</p>
          ) : (
            <div className="chips" role="group" aria-label="Mute listings whose title has the word">
              {words.map((word) => (
                <button
                  key={word}
                  type="button"
                  className="chip-button"
                  onClick={() => mute({ alertId: wordEverywhere ? null : alertId, kind: 'WORD', value: word })}
                >
                  {word}
                </button>
              ))}
            </div>
          )}
          <div className="check-row">
            <input
              id={`${id}-word-everywhere`}
              type="checkbox"
              checked={wordEverywhere}
              onChange={(e) => setWordEverywhere(e.target.checked)}
            />
            <label htmlFor={`${id}-word-everywhere`}>In all my alerts</label>
          </div>
          <button type="button" className="link" onClick={() => setPanel(null)}>
            Cancel
          </button>
        </div>
      )}

      {undoable.map((m) => (
        <p key={m.id} className="notice undo-row">
          <span>Muted: {m.label}</span>
          <button type="button" disabled={busy} aria-label={`Undo: ${m.label}`} onClick={() => onUndo(m)}>
            Undo
          </button>
        </p>
      ))}

      {chartOpen && (
        <div id={`${id}-chart`}>
          <ListingPriceChart
            alertId={alertId}
            itemId={listing.itemId}
            title={title}
            currency={currency}
            onUnauthorized={onUnauthorized}
          />
        </div>
      )}
    </li>
  );
}

function StateBadge({ listing }: { listing: AlertListing }) {
  switch (listing.state) {
    case 'NEW':
      return <span className="badge on">New</span>;
    case 'DROPPED':
      return (
        <span className="badge drop">
          Price drop
          {listing.previousPrice != null &&
            `: ${formatMoney(listing.previousPrice, listing.currency)} → ${formatMoney(listing.price, listing.currency)}`}
        </span>
      );
    case 'ENDED':
      return <span className="badge off">Ended</span>;
    case 'MUTED':
      return <span className="badge off">Muted</span>;
    default:
      return <span className="badge off">{String(listing.state)}</span>;
  }
}
