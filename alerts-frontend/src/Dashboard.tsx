import { Fragment, lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { AlertForm } from './AlertForm';
import { SessionsPanel } from './Sessions';
import { api, ApiError, type Alert, type Channel, type CurrentSession, type Page, type Session } from './api';
import { ConfirmDialog } from './ConfirmDialog';
import { DeliverySchedule } from './DeliverySchedule';
import { channelsSummary, filtersSummary, formatFrequency, formatTime, stateOf } from './format';
import { OpenOnEbay } from './OpenOnEbay';
import { SecretNotice } from './SecretNotice';

// The chart library is the bulk of the bundle: load it when a detail panel is first opened.
const AlertDetail = lazy(() => import('./AlertDetail').then((m) => ({ default: m.AlertDetail })));

type Editing = { mode: 'create' } | { mode: 'edit'; alert: Alert } | null;

export function Dashboard({ session, onUnauthorized }: { session: Session; onUnauthorized: () => void }) {
  const [page, setPage] = useState(0);
  const [data, setData] = useState<Page<Alert> | null>(null);
  // The list is loading until an answer for the current page and reload came back.
  const [settled, setSettled] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Alert | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [frequencies, setFrequencies] = useState<number[]>([]);
  const [secrets, setSecrets] = useState<Channel[]>([]);
  const [limits, setLimits] = useState<CurrentSession['limits'] | null>(null);

  const failed = useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && e.status === 401) onUnauthorized();
      else setError(e instanceof Error ? e.message : 'Something went wrong.');
    },
    [onUnauthorized],
  );

  useEffect(() => {
    api.frequencies().then(setFrequencies, () => setFrequencies([]));
  }, []);

  const requested = `${page}:${reloadKey}`;
  const loading = settled !== requested;
  useEffect(() => {
    let cancelled = false;
    api
      .listAlerts(page)
      .then((result) => {
        if (cancelled) return;
        setError(null);
        // Deleting the last alert of the last page: step back to a page that exists.
        if (result.content.length === 0 && page > 0 && result.totalPages > 0) setPage(result.totalPages - 1);
        else setData(result);
      })
      .catch((e) => !cancelled && failed(e))
      .finally(() => !cancelled && setSettled(`${page}:${reloadKey}`));
    return () => {
      cancelled = true;
    };
  }, [page, reloadKey, failed]);

  // The address's limits change with its alerts: read again whenever the list is.
  useEffect(() => {
    let cancelled = false;
    api.currentSession().then(
      (current) => !cancelled && setLimits(current.limits ?? null),
      () => !cancelled && setLimits(null),
    );
    return () => {
      cancelled = true;
    };
  }, [reloadKey]);

  const reload = () => setReloadKey((k) => k + 1);

  async function toggle(alert: Alert) {
    setError(null);
    try {
      const updated = await api.setActive(alert, !alert.active);
      setMessage(`“${updated.searchPhrase}” ${updated.active ? 'resumed' : 'paused'}.`);
      setData((d) => d && { ...d, content: d.content.map((a) => (a.id === updated.id ? updated : a)) });
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        setError('This alert was changed elsewhere; the list has been refreshed. Try again.');
        reload();
      } else failed(e);
    }
  }

  async function confirmDelete() {
    if (!deleting) return;
    const alert = deleting;
    setDeleting(null);
    setError(null);
    try {
      await api.deleteAlert(alert.id);
      setMessage(`“${alert.searchPhrase}” deleted.`);
      if (openId === alert.id) setOpenId(null);
      reload();
    } catch (e) {
      failed(e);
    }
  }

  function saved(alert: Alert, created: boolean) {
    setEditing(null);
    setMessage(`“${alert.searchPhrase}” ${created ? 'created' : 'saved'}.`);
    // Only this answer carries the secrets of newly created webhook channels.
    const fresh = (alert.channels ?? []).filter((c) => c.secret);
    if (fresh.length) setSecrets((shown) => [...shown, ...fresh]);
    if (created && page !== 0) setPage(0);
    else reload();
  }

  const total = data?.totalElements ?? 0;
  const totalPages = data?.totalPages ?? 0;

  return (
    <section aria-labelledby="alerts-title">
      <div className="toolbar">
        <h2 id="alerts-title">Your alerts</h2>
        <button type="button" onClick={() => setEditing({ mode: 'create' })} disabled={editing !== null}>
          New alert
        </button>
      </div>

      {limits && (
        <p className="limits">
          {limits.alerts.used} of {limits.alerts.max} alerts · {limits.searches.used} of {limits.searches.max} different
          searches · {limits.ebayCallsToday.used} of {limits.ebayCallsToday.max} eBay searches today
        </p>
      )}

      <SessionsPanel onUnauthorized={onUnauthorized} />
      <DeliverySchedule onUnauthorized={onUnauthorized} />

      <div aria-live="polite" role="status" className="sr-status">
        {message && <p className="notice">{message}</p>}
      </div>
      <div aria-live="assertive">
        {error && (
          <div className="error" role="alert">
            <p>{error}</p>
            <button type="button" onClick={reload}>
              Retry
            </button>
          </div>
        )}
      </div>

      {secrets.length > 0 && <SecretNotice channels={secrets} onDone={() => setSecrets([])} />}

      {editing && (
        <AlertForm
          key={editing.mode === 'edit' ? editing.alert.id : 'new'}
          email={session.email}
          alert={editing.mode === 'edit' ? editing.alert : null}
          frequencies={frequencies}
          onSaved={saved}
          onCancel={() => setEditing(null)}
          onUnauthorized={onUnauthorized}
        />
      )}

      {loading && !data ? (
        <p role="status">Loading alerts…</p>
      ) : data && data.content.length === 0 && !loading ? (
        <p className="empty">No alerts yet. Create one to get an email when matching listings appear.</p>
      ) : data ? (
        <>
          <div className="table-wrap" aria-busy={loading}>
            <table>
              <caption className="visually-hidden">Your alerts, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Search</th>
                  <th scope="col">Frequency</th>
                  <th scope="col">Filters</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last run</th>
                  <th scope="col">Last email</th>
                  <th scope="col">Next run</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.content.map((alert) => (
                  <Fragment key={alert.id}>
                    <tr>
                      <th scope="row" data-label="Search">
                        <button
                          type="button"
                          className="link"
                          aria-expanded={openId === alert.id}
                          aria-controls={`detail-${alert.id}`}
                          onClick={() => setOpenId(openId === alert.id ? null : alert.id)}
                        >
                          {alert.searchPhrase}
                        </button>
                        <div>
                          <OpenOnEbay alert={alert} />
                        </div>
                        {alert.status?.lastError && <div className="warn">⚠ {alert.status.lastError}</div>}
                        {alert.status?.channelError && <div className="warn">⚠ {alert.status.channelError}</div>}
                      </th>
                      <td data-label="Frequency">{formatFrequency(alert.frequencyMinutes)}</td>
                      <td data-label="Filters">
                        {filtersSummary(alert)}
                        {alert.channels?.length ? (
                          <div className="hint">Notify via {channelsSummary(alert)}</div>
                        ) : null}
                      </td>
                      <td data-label="Status">
                        <StateBadge alert={alert} />
                      </td>
                      <td data-label="Last run">{formatTime(alert.status?.lastRunAt)}</td>
                      <td data-label="Last email">{formatTime(alert.status?.lastEmailAt)}</td>
                      <td data-label="Next run">{formatTime(alert.status?.nextRunAt)}</td>
                      <td className="actions">
                        <button
                          type="button"
                          onClick={() => setEditing({ mode: 'edit', alert })}
                          aria-label={`Edit ${alert.searchPhrase}`}
                        >
                          Edit
                        </button>
                        <button
                          type="button"
                          onClick={() => toggle(alert)}
                          aria-label={`${alert.active ? 'Pause' : 'Resume'} ${alert.searchPhrase}`}
                        >
                          {alert.active ? 'Pause' : 'Resume'}
                        </button>
                        <button
                          type="button"
                          className="danger"
                          onClick={() => setDeleting(alert)}
                          aria-label={`Delete ${alert.searchPhrase}`}
                        >
                          Delete
                        </button>
                      </td>
                    </tr>
                    {openId === alert.id && (
                      <tr className="detail-row">
                        <td colSpan={8} id={`detail-${alert.id}`}>
                          <Suspense fallback={<p role="status">Loading chart…</p>}>
                            <AlertDetail alert={alert} onChanged={reload} onUnauthorized={onUnauthorized} />
                          </Suspense>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label="Pages">
            <button type="button" onClick={() => setPage((p) => p - 1)} disabled={loading || page <= 0}>
              ← Previous
            </button>
            <span aria-live="polite">
              Page {totalPages === 0 ? 0 : page + 1} of {totalPages} · {total} {total === 1 ? 'alert' : 'alerts'}
            </span>
            <button type="button" onClick={() => setPage((p) => p + 1)} disabled={loading || page + 1 >= totalPages}>
              Next →
            </button>
          </nav>
        </>
      ) : null}

      {deleting && (
        <ConfirmDialog
          title="Delete alert?"
          confirmLabel="Delete"
          onConfirm={confirmDelete}
          onCancel={() => setDeleting(null)}
        >
          “{deleting.searchPhrase}” and its history will be deleted. This cannot be undone.
        </ConfirmDialog>
      )}
    </section>
  );
}

function StateBadge({ alert }: { alert: Alert }) {
  const { label, className, hint } = stateOf(alert);
  return (
    <span className={className} title={hint}>
      {label}
    </span>
  );
}
