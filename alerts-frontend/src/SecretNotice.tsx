import { useEffect, useId, useRef, useState } from 'react';
import type { Channel } from './api';

/**
 * The signing secrets of webhook channels just created. The server answers a secret only once, in the
 * response that created the channel, so this stays until dismissed and is never fetched again.
 */
export function SecretNotice({ channels, onDone }: { channels: Channel[]; onDone: () => void }) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<string | null>(null);

  // Move focus here: the form that was just saved is gone, and this must not be missed.
  useEffect(() => headingRef.current?.focus(), []);

  async function copy(channel: Channel, input: HTMLInputElement | null) {
    const secret = channel.secret ?? '';
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(channel.id);
    } catch {
      // No clipboard access (e.g. plain http on another host): select it for a manual copy.
      input?.focus();
      input?.select();
      setCopied(null);
    }
  }

  return (
    <section className="card notice secret" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        Webhook signing secret — copy it now, it is not shown again
      </h3>
      {channels.map((channel) => {
        const inputId = `${id}-${channel.id}`;
        return (
          <div key={channel.id}>
            <label htmlFor={inputId}>Secret for {channel.url}</label>
            <div className="secret-row">
              <input
                id={inputId}
                readOnly
                value={channel.secret ?? ''}
                onFocus={(e) => e.target.select()}
                spellCheck={false}
              />
              <button
                type="button"
                onClick={() => copy(channel, document.getElementById(inputId) as HTMLInputElement | null)}
                aria-label={`Copy secret for ${channel.url}`}
              >
                Copy
              </button>
            </div>
            <span role="status" className="hint">
              {copied === channel.id ? 'Copied.' : ''}
            </span>
          </div>
        );
      })}
      <p className="hint">
        To verify a delivery: <code>X-Signature</code> is <code>sha256=</code> and the hex HMAC-SHA256, keyed with this
        secret, of the <code>X-Timestamp</code> header, a "." and the raw body.
      </p>
      <button type="button" onClick={onDone}>
        I have copied it
      </button>
    </section>
  );
}
