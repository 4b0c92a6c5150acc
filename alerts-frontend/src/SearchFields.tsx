import type { FieldKit } from './formKit';
import { MARKETPLACE_IDS, MARKETPLACES } from './marketplaces';

/** What the alert searches for, where, how often, and the price and kind of listing it wants. */
export function SearchFields({ kit, choices, currency }: { kit: FieldKit; choices: number[]; currency: string }) {
  const { values, field, set } = kit;
  return (
    <div className="grid">
      {field(
        'email',
        'Email',
        (a) => (
          <input {...a} type="email" value={values.email} readOnly />
        ),
        'Alerts go to the address you signed in with.',
      )}
      {field('searchPhrase', 'Search phrase', (a) => (
        <input {...a} value={values.searchPhrase} onChange={set('searchPhrase')} maxLength={200} required />
      ))}
      {field(
        'marketplace',
        'eBay site',
        (a) => (
          <select {...a} value={values.marketplace} onChange={set('marketplace')}>
            {MARKETPLACE_IDS.map((m) => (
              <option key={m} value={m}>
                {MARKETPLACES[m].name} ({MARKETPLACES[m].currency})
              </option>
            ))}
          </select>
        ),
        'Where to search; prices are in its currency.',
      )}
      {field('frequencyMinutes', 'Check every', (a) => (
        <select {...a} value={values.frequencyMinutes} onChange={set('frequencyMinutes')} required>
          <option value="">Choose…</option>
          {choices.map((f) => (
            <option key={f} value={String(f)}>
              {f} minutes
            </option>
          ))}
        </select>
      ))}
      {field(
        'minPrice',
        'Min price',
        (a) => (
          <input {...a} inputMode="decimal" value={values.minPrice} onChange={set('minPrice')} />
        ),
        undefined,
        currency,
      )}
      {field(
        'maxPrice',
        'Max price',
        (a) => (
          <input {...a} inputMode="decimal" value={values.maxPrice} onChange={set('maxPrice')} />
        ),
        undefined,
        currency,
      )}
      {field('condition', 'Condition', (a) => (
        <select {...a} value={values.condition} onChange={set('condition')}>
          <option value="ANY">Any</option>
          <option value="NEW">New</option>
          <option value="USED">Used</option>
        </select>
      ))}
      {field('buyingOption', 'Buying format', (a) => (
        <select {...a} value={values.buyingOption} onChange={set('buyingOption')}>
          <option value="ANY">Any</option>
          <option value="FIXED_PRICE">Buy It Now</option>
          <option value="AUCTION">Auction</option>
          <option value="BEST_OFFER">Best Offer</option>
        </select>
      ))}
      {field(
        'excludeWords',
        'Exclude words',
        (a) => (
          <input {...a} value={values.excludeWords} onChange={set('excludeWords')} />
        ),
        'Separated by commas or spaces; up to 20.',
      )}
    </div>
  );
}
