import { useEffect, useRef, useState } from 'react';
import { api, ApiError, type CategorySuggestions as Suggestions, type Marketplace } from './api';
import type { FieldKit } from './formKit';
import { marketplaceName } from './marketplaces';
import { MAX_CATEGORIES, MAX_EXCLUDED_CATEGORIES } from './validation';

/** After the phrase stops changing, and only for phrases this long: each look-up is an eBay call. */
export const SUGGEST_DELAY_MS = 800;
export const MIN_SUGGEST_PHRASE = 3;

const keyOf = (phrase: string, marketplace: Marketplace) => `${marketplace} ${phrase.toLowerCase()}`;

function percent(share: number): string {
  const value = Math.round(share * 100);
  return value < 1 && share > 0 ? '< 1 %' : `${value} %`;
}

/**
 * Where a search's listings are on eBay ("84 % of results are in Screen Protectors"), to search only
 * in some categories (categoryIds) or leave some out (excludedCategoryIds). Every look-up costs an
 * eBay call on the server, counted against the address: nothing is looked up until the button is
 * pressed; after that the list follows the phrase and site, once they have not changed for
 * SUGGEST_DELAY_MS, and answers are kept so typing back to an earlier phrase asks nothing.
 */
export function CategorySuggestions({ kit, onUnauthorized }: { kit: FieldKit; onUnauthorized: () => void }) {
  const { id, values, change, errors } = kit;
  const { marketplace, categoryIds, excludedCategoryIds } = values;
  const phrase = values.searchPhrase.trim();
  const key = keyOf(phrase, marketplace);
  const [following, setFollowing] = useState(false);
  const [shown, setShown] = useState<{ phrase: string; marketplace: Marketplace; result: Suggestions } | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const answers = useRef(new Map<string, Suggestions>());
  // Names of every category seen, so a chosen one keeps its name after the suggestions change.
  const [names, setNames] = useState<ReadonlyMap<string, string>>(() => new Map());
  const requested = useRef<string | null>(null);
  const latest = useRef(0);
  const unauthorized = useRef(onUnauthorized);
  useEffect(() => {
    unauthorized.current = onUnauthorized;
  }, [onUnauthorized]);

  async function load(phrase: string, marketplace: Marketplace) {
    const key = keyOf(phrase, marketplace);
    requested.current = key;
    const n = ++latest.current;
    const known = answers.current.get(key);
    if (known) {
      setShown({ phrase, marketplace, result: known });
      setProblem(null);
      setLoading(false);
      return;
    }
    setLoading(true);
    setProblem(null);
    try {
      const result = await api.categorySuggestions(phrase, marketplace);
      answers.current.set(key, result);
      setNames((known) => new Map([...known, ...result.categories.map((c): [string, string] => [c.id, c.name])]));
      if (n === latest.current) setShown({ phrase, marketplace, result });
    } catch (e) {
      if (n !== latest.current) return;
      if (e instanceof ApiError && e.status === 401) unauthorized.current();
      // A 429's detail says when the address may look up again.
      else setProblem(`No category suggestions: ${(e as Error).message}`);
    } finally {
      if (n === latest.current) setLoading(false);
    }
  }

  useEffect(() => {
    if (!following || phrase.length < MIN_SUGGEST_PHRASE || requested.current === key) return;
    const timer = setTimeout(() => load(phrase, marketplace), SUGGEST_DELAY_MS);
    return () => clearTimeout(timer);
    // key holds phrase and marketplace; load only reads refs and setters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [following, key]);

  function suggest() {
    setFollowing(true);
    load(phrase, marketplace);
  }

  const setLists = (included: string[], excluded: string[]) =>
    change({ categoryIds: included, excludedCategoryIds: excluded });
  const pick = (categoryId: string) =>
    categoryIds.includes(categoryId)
      ? setLists(
          categoryIds.filter((c) => c !== categoryId),
          excludedCategoryIds,
        )
      : setLists(
          [...categoryIds, categoryId],
          excludedCategoryIds.filter((c) => c !== categoryId),
        );
  const exclude = (categoryId: string) =>
    excludedCategoryIds.includes(categoryId)
      ? setLists(
          categoryIds,
          excludedCategoryIds.filter((c) => c !== categoryId),
        )
      : setLists(
          categoryIds.filter((c) => c !== categoryId),
          [...excludedCategoryIds, categoryId],
        );
  const nameOf = (categoryId: string) => names.get(categoryId) ?? `Category ${categoryId}`;

  const chips = (
    list: 'in' | 'out',
    ids: string[],
    title: string,
    removeLabel: string,
    onRemove: (id: string) => void,
  ) =>
    ids.length > 0 && (
      <div className="chips-row">
        <span id={`${id}-chips-${list}`} className="chips-title">
          {title}:
        </span>
        <ul className="chips" aria-labelledby={`${id}-chips-${list}`}>
          {ids.map((c) => (
            <li key={c} className="chip" title={`eBay category ${c}`}>
              {nameOf(c)}
              <button
                type="button"
                className="chip-remove"
                aria-label={`${removeLabel} ${nameOf(c)}`}
                onClick={() => onRemove(c)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      </div>
    );

  const groupError = (name: 'categoryIds' | 'excludedCategoryIds', label: string) =>
    errors[name] && (
      <p id={kit.errorIdOf(name)} className="field-error group-error" tabIndex={-1}>
        {label} {errors[name]}
      </p>
    );

  const stale = shown && keyOf(shown.phrase, shown.marketplace) !== key;
  const describedBy = [
    `${id}-categories-hint`,
    errors.categoryIds ? kit.errorIdOf('categoryIds') : null,
    errors.excludedCategoryIds ? kit.errorIdOf('excludedCategoryIds') : null,
  ];
  return (
    <fieldset className="section categories" aria-describedby={describedBy.filter(Boolean).join(' ')}>
      <legend>Categories</legend>
      <small id={`${id}-categories-hint`} className="hint">
        Search only in some of eBay’s categories, or leave some out. Suggestions show where this search’s listings are;
        each look-up counts as an eBay search.
      </small>
      <div className="suggest-row">
        <button type="button" onClick={suggest} disabled={phrase.length < MIN_SUGGEST_PHRASE}>
          Suggest categories
        </button>
        {phrase.length < MIN_SUGGEST_PHRASE && (
          <span className="hint">Type a search phrase of {MIN_SUGGEST_PHRASE} or more characters first.</span>
        )}
      </div>
      <div role="status" aria-live="polite">
        {loading ? <p className="hint">Looking up categories…</p> : problem && <p className="warn">{problem}</p>}
      </div>
      {shown && (
        <div className="suggestions">
          <p className="hint">
            {shown.result.total.toLocaleString('en')} listings for “{shown.phrase}” on{' '}
            {marketplaceName(shown.marketplace)}
            {stale && ' (before the last change)'}
            {shown.result.categories.length === 0 && ': no categories to suggest.'}
          </p>
          {shown.result.categories.length > 0 && (
            <ul className="category-list">
              {shown.result.categories.map((c) => {
                const included = categoryIds.includes(c.id);
                const excluded = excludedCategoryIds.includes(c.id);
                return (
                  <li key={c.id}>
                    <span className="category-share">
                      {percent(c.share)} of results are in <strong>{c.name}</strong>{' '}
                      <span className="hint">({c.count.toLocaleString('en')})</span>
                    </span>
                    <button
                      type="button"
                      aria-pressed={included}
                      disabled={!included && categoryIds.length >= MAX_CATEGORIES}
                      onClick={() => pick(c.id)}
                    >
                      Search in<span className="visually-hidden"> {c.name}</span>
                    </button>
                    <button
                      type="button"
                      aria-pressed={excluded}
                      disabled={!excluded && excludedCategoryIds.length >= MAX_EXCLUDED_CATEGORIES}
                      onClick={() => exclude(c.id)}
                    >
                      Exclude<span className="visually-hidden"> {c.name}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
      {chips('in', categoryIds, 'Only in', 'Stop searching only in', pick)}
      {chips('out', excludedCategoryIds, 'Not in', 'Stop leaving out', exclude)}
      {groupError('categoryIds', 'Categories to search in')}
      {groupError('excludedCategoryIds', 'Categories to leave out')}
    </fieldset>
  );
}
