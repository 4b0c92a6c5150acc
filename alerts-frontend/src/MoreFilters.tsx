import { useMemo } from 'react';
import type { PriceBasis } from './api';
import type { FieldKit } from './formKit';
import { countryName, countryOptions } from './marketplaces';
import { MAX_EXCLUDED_SELLERS, MAX_SELLERS, moreFiltersInUse, type TextField } from './validation';

const PRICE_BASES: { value: PriceBasis; label: string }[] = [
  { value: 'ITEM', label: 'Item price' },
  { value: 'TOTAL', label: 'Price + shipping' },
];

/**
 * The filters most alerts do without, folded away so the basic form stays short: price basis,
 * shipping, item location, sellers, seller feedback and bids. Opens by itself when one of its fields
 * has an error (the form decides), and starts open when one is in use.
 */
export function MoreFilters({ kit, open, onToggle }: { kit: FieldKit; open: boolean; onToggle: () => void }) {
  const { id, values, change, errors } = kit;
  const inUse = moreFiltersInUse(values);
  const countries = useMemo(
    () =>
      countryOptions().map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      )),
    [],
  );

  const countrySelect = (
    name: TextField & ('shipToCountry' | 'itemLocationCountry'),
    label: string,
    anyLabel: string,
    hint: string,
  ) =>
    kit.field(
      name,
      label,
      (a) => (
        <select {...a} value={values[name]} onChange={kit.set(name)}>
          <option value="">{anyLabel}</option>
          {/* A code from the server this list lacks stays choosable. */}
          {values[name] && !countryOptions().some((c) => c.code === values[name]) && (
            <option value={values[name]}>{countryName(values[name])}</option>
          )}
          {countries}
        </select>
      ),
      hint,
    );

  const basisError = errors.priceBasis;
  return (
    <div className="more-filters">
      <div className="more-toggle">
        <button type="button" aria-expanded={open} aria-controls={`${id}-more`} onClick={onToggle}>
          More filters
        </button>
        {inUse > 0 && <span className="hint">{inUse === 1 ? '1 in use' : `${inUse} in use`}</span>}
      </div>
      {open && (
        <div id={`${id}-more`} className="section">
          <fieldset
            className="price-basis"
            aria-describedby={[`${id}-priceBasis-hint`, basisError ? kit.errorIdOf('priceBasis') : null]
              .filter(Boolean)
              .join(' ')}
          >
            <legend>Compare prices by</legend>
            <div className="check-row">
              {PRICE_BASES.map((b) => (
                <span key={b.value} className="check-row">
                  <input
                    id={`${id}-priceBasis-${b.value}`}
                    type="radio"
                    name="priceBasis"
                    value={b.value}
                    checked={values.priceBasis === b.value}
                    onChange={() => change({ priceBasis: b.value })}
                  />
                  <label htmlFor={`${id}-priceBasis-${b.value}`}>{b.label}</label>
                </span>
              ))}
            </div>
            {kit.hintText(
              `${id}-priceBasis`,
              'What max price, target price and price drops compare. Shipping is estimated for the ships-to country.',
            )}
            {kit.errorText('priceBasis', 'Compare prices by')}
          </fieldset>

          <div className="grid">
            {countrySelect(
              'shipToCountry',
              'Ships to',
              'Any country',
              'Shipping costs are estimated for this country; listings that do not ship there are left out.',
            )}
            {kit.input(
              'shipToPostalCode',
              'Ships-to postal code',
              'Optional, only with a country: makes shipping estimates more exact.',
              {
                maxLength: 20,
                autoComplete: 'postal-code',
              },
            )}
            {countrySelect(
              'itemLocationCountry',
              'Item located in',
              'Anywhere',
              'Only listings whose item is in this country.',
            )}
            {kit.checkbox('freeShippingOnly', 'Free shipping only', 'Leave out listings that charge for shipping.')}
            {kit.checkbox('returnsAccepted', 'Returns accepted', 'Only listings whose seller takes returns.')}
          </div>

          <div className="grid">
            {kit.input(
              'sellers',
              'Only from sellers',
              `eBay user ids, separated by commas or spaces; up to ${MAX_SELLERS}.`,
              {
                autoComplete: 'off',
                spellCheck: false,
              },
            )}
            {kit.input(
              'excludedSellers',
              'Exclude sellers',
              `Never from these user ids; up to ${MAX_EXCLUDED_SELLERS}.`,
              {
                autoComplete: 'off',
                spellCheck: false,
              },
            )}
            {kit.input(
              'minSellerFeedbackScore',
              'Min seller feedback score',
              'The seller’s feedback score, e.g. 100.',
              { inputMode: 'numeric' },
            )}
            {kit.input(
              'minSellerFeedbackPercent',
              'Min positive feedback %',
              'Share of positive feedback, 0 to 100, e.g. 98.5.',
              {
                inputMode: 'decimal',
              },
            )}
          </div>

          <div className="grid">
            {kit.input(
              'minBids',
              'Min bids',
              'Only auctions have bids: a bid range is meaningful with buying format Auction.',
              {
                inputMode: 'numeric',
              },
            )}
            {kit.input('maxBids', 'Max bids', 'E.g. 0 for auctions nobody has bid on yet.', { inputMode: 'numeric' })}
          </div>
        </div>
      )}
    </div>
  );
}
