import { useMemo } from 'react';
import type { FieldKit } from './formKit';

let zones: string[] | null = null;
/** The time zones the browser knows, offered as suggestions (typing any other IANA name works too). */
function timeZones(): string[] {
  if (zones === null) {
    try {
      zones = Intl.supportedValuesOf('timeZone');
    } catch {
      zones = [];
    }
  }
  return zones;
}

/** When the alert sends notices (its rules): what about, the target price, quiet hours, a daily cap. */
export function NotificationsSection({ kit, currency }: { kit: FieldKit; currency: string }) {
  const { id, values, field, set, checkbox } = kit;

  // Some 400 options: built once, not on every keystroke.
  const zoneList = useMemo(
    () => (
      <datalist id={`${id}-zones`}>
        {timeZones().map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
    ),
    [id],
  );

  return (
    <fieldset className="section">
      <legend>Notifications</legend>
      <div className="grid">
        {checkbox('newListings', 'New listings', 'Notify when a matching listing appears.')}
        {checkbox('priceDrops', 'Price drops', 'Notify again when a listing’s price falls.')}
        {field(
          'minDropPercent',
          'Min price drop %',
          (a) => (
            <input {...a} inputMode="decimal" value={values.minDropPercent} onChange={set('minDropPercent')} />
          ),
          'Email a listing again when its price fell at least this much.',
        )}
        {field(
          'targetPrice',
          'Target price',
          (a) => (
            <input {...a} inputMode="decimal" value={values.targetPrice} onChange={set('targetPrice')} />
          ),
          'Notify when a listing costs this much or less.',
          currency,
        )}
        {field(
          'endingSoonMinutes',
          'Auctions ending within (minutes)',
          (a) => (
            <input {...a} inputMode="numeric" value={values.endingSoonMinutes} onChange={set('endingSoonMinutes')} />
          ),
          'Notify about auctions ending this soon; up to 10080 (a week).',
        )}
        {field(
          'quietStart',
          'Quiet hours start',
          (a) => (
            <input {...a} type="time" value={values.quietStart} onChange={set('quietStart')} />
          ),
          'No notices between start and end; give both or neither.',
        )}
        {field('quietEnd', 'Quiet hours end', (a) => (
          <input {...a} type="time" value={values.quietEnd} onChange={set('quietEnd')} />
        ))}
        {field(
          'timeZone',
          'Time zone',
          (a) => (
            <>
              <input
                {...a}
                value={values.timeZone}
                onChange={set('timeZone')}
                maxLength={64}
                list={`${id}-zones`}
                autoComplete="off"
                spellCheck={false}
              />
              {zoneList}
            </>
          ),
          'For quiet hours and the daily count, e.g. Europe/Berlin.',
        )}
        {field(
          'maxPerDay',
          'Max notices per day',
          (a) => (
            <input {...a} inputMode="numeric" value={values.maxPerDay} onChange={set('maxPerDay')} />
          ),
          'Leave empty for no limit.',
        )}
      </div>
    </fieldset>
  );
}
