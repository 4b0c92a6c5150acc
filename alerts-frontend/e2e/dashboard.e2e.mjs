// The dashboard in a real browser (Debian's Chromium through playwright-core) against the running
// local stack (./run-local): sign in with the link from the mail catcher, create an alert, see it
// listed, receive its first alert email, pause it, delete it. Screenshots of the main screens go to
// SCREENSHOT_DIR. A second test reads an eBay search link into the form, picks a suggested
// category, opens the alert's first email with its pictures (served by ebay-mock) and, with
// E2E_SECOND_EMAIL_MINUTES set, waits that long for the alert's second email (news from the mock's
// clock, nobody touching it). A third mutes a seller from an alert email's link, finds the mute in
// the alert's detail, opens its listings and one listing's price chart, and checks that a browser
// with the session cookie but nothing stored goes straight to the alerts.
//
// axe-core checks every dashboard screen the tests pass through (sign-in, the alerts with the
// delivery schedule open, the form, the detail with its price insights, phone width, the delete
// confirmation, the form with an eBay link and category suggestions, the mutes, the listings with a
// price chart); a test fails on serious or critical violations, listing them. Each screen's
// violations of any impact are printed at the end.
//
//   npm run e2e        (with ./run-local running; .ci/local-stack-test does both)
//
// Settings (environment): DASHBOARD_URL (http://localhost:3000), MAILDEV_URL (http://localhost:1080),
// CHROMIUM_PATH (/usr/bin/chromium), SCREENSHOT_DIR (target/e2e-screenshots).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const DASHBOARD_URL = process.env.DASHBOARD_URL ?? 'http://localhost:3000';
const MAILDEV_URL = process.env.MAILDEV_URL ?? 'http://localhost:1080';
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? 'target/e2e-screenshots';

const email = `e2e-${Date.now()}@example.com`;
const phrase = `e2e camera ${Date.now().toString(36)}`;

let browser;
let context;
let page;

before(async () => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
});

after(async () => {
  await browser?.close();
  console.log('axe-core violations per screen (impact, rule, elements):');
  for (const { screen, found } of axeResults) console.log(`  ${screen}: ${found.join(', ') || 'none'}`);
});

/** Per screen: axe violations by impact, printed at the end. */
const axeResults = [];
/** Serious and critical violations found in the running test, asserted at its end. */
let blocking = [];

/** Runs axe-core on the page as it is now; serious and critical findings fail the test at its end. */
async function checkAccessibility(screen) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  axeResults.push({ screen, found: violations.map((v) => `${v.impact} ${v.id} (${v.nodes.length})`) });
  for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
    const where = v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join('; ')}`);
    blocking.push(`${screen}: ${v.impact} ${v.id} (${v.help})\n${where.join('\n')}`);
  }
}

function assertAccessible() {
  const found = blocking;
  blocking = [];
  assert.deepEqual(found, [], `serious or critical accessibility violations:\n${found.join('\n')}`);
}

async function screenshot(name) {
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

/** Messages maildev holds for the address, newest last. */
async function mailsTo(address) {
  const response = await fetch(`${MAILDEV_URL}/email`);
  assert.equal(response.status, 200, 'the mail catcher answers');
  const all = await response.json();
  return all.filter((m) => (m.to ?? []).some((to) => to.address === address));
}

async function waitForMail(address, predicate, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = (await mailsTo(address)).find(predicate);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  assert.fail(`no matching email to ${address} within ${timeoutMs / 1000} s`);
}

test('sign in by link, create an alert, get its email, pause it, delete it', async () => {
  // Sign in: ask for a link, then open it from the mail catcher.
  await page.goto(DASHBOARD_URL);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await screenshot('1-sign-in');
  await checkAccessibility('sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await page.getByText('Check your inbox').waitFor();

  const signInMail = await waitForMail(email, (m) => /sign-in link/i.test(m.subject), 30_000);
  const link = signInMail.text.match(/https?:\/\/\S+\?token=[A-Za-z0-9_.=-]+/)?.[0];
  assert.ok(link, `the email holds a sign-in link: ${signInMail.text}`);
  assert.ok(link.startsWith(DASHBOARD_URL), `the link opens the dashboard: ${link}`);
  await page.goto(link);
  await page.getByRole('button', { name: 'Sign in to my alerts' }).click();
  await page.getByRole('heading', { name: 'Your alerts' }).waitFor();
  await page.getByText('No alerts yet').waitFor();
  await checkAccessibility('alerts (none yet)');
  assert.ok(!page.url().includes('token='), 'the used token leaves the address bar');
  assert.ok(await page.getByText(email).isVisible(), 'the signed-in address is shown');

  // Create an alert; a server-side rule shows next to its field first.
  await page.getByRole('button', { name: 'New alert' }).click();
  const form = page.getByRole('form', { name: 'New alert' });
  assert.equal(await form.getByLabel('Email').inputValue(), email, 'the email is prefilled');
  await form.getByLabel('Search phrase').fill(phrase);
  await form.getByLabel('Check every').selectOption('2');
  await form.getByLabel('Max price').fill('500');
  await form.getByLabel('Condition').selectOption('USED');
  await form.getByLabel('Exclude words').fill('broken, parts');
  await screenshot('2-new-alert');
  await checkAccessibility('new alert form');
  await form.getByRole('button', { name: 'Create alert' }).click();

  const row = page.getByRole('row').filter({ hasText: phrase });
  await row.waitFor();
  assert.match(await row.innerText(), /Active/);
  assert.match(await row.innerText(), /every 2 min/);
  await screenshot('3-alerts');
  await page.getByText(/^Delivery:/).click();
  await page.getByRole('form', { name: 'Delivery schedule' }).waitFor();
  await checkAccessibility('alerts with the delivery schedule');
  await page.getByText(/^Delivery:/).click();

  // The first alert email: the fetch cycle runs it within about a minute of creation.
  const alertMail = await waitForMail(email, (m) => m.subject.includes(phrase), 150_000);
  assert.match(alertMail.html, /href="https?:\/\//, 'the alert email links to listings');

  // The table shows the run once reloaded, and the alert's price history opens.
  await page.reload();
  await row.waitFor();
  await page.getByRole('button', { name: phrase, exact: true }).click();
  // analytics has the prices the run observed by now, unless it lags: then the empty state shows.
  await page
    .getByLabel(/Daily prices in/)
    .or(page.getByText('No prices recorded yet for this alert.'))
    .waitFor();
  await screenshot('4-alert-detail');
  await checkAccessibility('alert detail: prices and insights');

  // The alert's Atom feed lists what the email told, for a feed reader without a session.
  const feedUrl = await page.getByRole('link', { name: 'Atom feed' }).getAttribute('href');
  assert.ok(feedUrl, "the detail links the alert's feed");
  const feed = await fetch(feedUrl);
  assert.equal(feed.status, 200, `the feed answers: ${feedUrl}`);
  const atom = await feed.text();
  assert.match(atom, /<feed[^>]*xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
  assert.match(atom, /<entry>/, 'the feed holds the listings the email told');
  const again = await fetch(feedUrl, { headers: { 'If-None-Match': feed.headers.get('etag') } });
  assert.equal(again.status, 304, 'a repeated read with the ETag is not modified');

  // At phone width the table becomes cards and nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling at 390 px (overflow ${overflow} px)`);
  await screenshot('5-phone');
  await checkAccessibility('alerts at phone width');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Pause, then delete with confirmation.
  await page.getByRole('button', { name: `Pause ${phrase}` }).click();
  await page.getByRole('button', { name: `Resume ${phrase}` }).waitFor();
  assert.match(await row.innerText(), /Paused/);

  await page.getByRole('button', { name: `Delete ${phrase}` }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  await screenshot('6-delete-confirmation');
  await checkAccessibility('delete confirmation');
  await dialog.getByRole('button', { name: /Delete/ }).click();
  await page.getByText('No alerts yet').waitFor();
  assert.equal(await page.getByRole('row').filter({ hasText: phrase }).count(), 0);
  assertAccessible();
});

test('an eBay link, category suggestions, the alert email with pictures', async () => {
  // Still signed in from the first test.
  await page.goto(DASHBOARD_URL);
  await page.getByRole('heading', { name: 'Your alerts' }).waitFor();
  await page.getByRole('button', { name: 'New alert' }).click();
  const form = page.getByRole('form', { name: 'New alert' });
  const linkPhrase = `switch oled ${Date.now().toString(36)}`;
  await form
    .getByLabel('Paste an eBay search link')
    .fill(
      `https://www.ebay.de/sch/i.html?_nkw=${linkPhrase.replaceAll(' ', '+')}&_udhi=400&LH_BIN=1&LH_Sold=1&_trksid=p2334524.m570.l1313`,
    );
  await form.getByRole('button', { name: 'Fill in from link' }).click();
  await form.getByText(/LH_Sold=1/).waitFor();
  assert.equal(await form.getByLabel('Search phrase').inputValue(), linkPhrase);
  assert.equal(await form.getByLabel('eBay site').inputValue(), 'EBAY_DE');
  assert.equal(await form.getByLabel('Buying format').inputValue(), 'FIXED_PRICE');

  // Where the search's matches are on eBay: pick the largest category.
  await form.getByRole('button', { name: 'Suggest categories' }).click();
  await form
    .getByText(/of results are in/)
    .first()
    .waitFor();
  await screenshot('7-link-and-categories');
  await checkAccessibility('form: eBay link import and category suggestions');
  await form
    .getByRole('button', { name: /^Search in / })
    .first()
    .click();
  await form.getByLabel('Check every').selectOption('2');
  await form.getByRole('button', { name: 'Create alert' }).click();

  const row = page.getByRole('row').filter({ hasText: linkPhrase });
  await row.waitFor();
  assert.match(await row.innerText(), /eBay Germany/);
  const onEbay = row.getByRole('link', { name: /Open on eBay/ });
  assert.match(await onEbay.getAttribute('href'), /^https:\/\/www\.ebay\.de\/sch\//);
  assert.equal(await onEbay.getAttribute('rel'), 'noopener noreferrer');

  // The first email shows listings with their pictures: the mock serves them itself.
  const first = await waitForMail(email, (m) => m.subject.includes(linkPhrase), 150_000);
  await page.goto(`${MAILDEV_URL}/email/${first.id}/html`);
  await page.waitForLoadState('load');
  const pictures = await page.evaluate(() =>
    [...document.images].map((img) => ({ src: img.src, loaded: img.complete && img.naturalWidth > 0 })),
  );
  assert.ok(pictures.length > 0, 'the email shows pictures');
  assert.ok(
    pictures.every((p) => p.loaded),
    `every picture in the email loads: ${JSON.stringify(pictures.filter((p) => !p.loaded))}`,
  );
  assert.match(await page.locator('body').innerText(), /EUR/, 'prices are in the marketplace currency');
  await screenshot('8-alert-email');

  const minutes = Number(process.env.E2E_SECOND_EMAIL_MINUTES ?? 0);
  if (minutes > 0) {
    const started = Date.now();
    const second = await waitForMail(
      email,
      (m) => m.subject.includes(linkPhrase) && m.id !== first.id,
      minutes * 60_000,
    );
    console.log(`second email after ${Math.round((Date.now() - started) / 1000)} s: ${second.subject}`);
    await page.goto(`${MAILDEV_URL}/email/${second.id}/html`);
    await page.waitForLoadState('load');
    await screenshot('9-second-email');
  }

  await page.goto(DASHBOARD_URL);
  await page.getByRole('button', { name: `Delete ${linkPhrase}` }).click();
  await page
    .getByRole('alertdialog')
    .getByRole('button', { name: /Delete/ })
    .click();
  await page.getByRole('row').filter({ hasText: linkPhrase }).waitFor({ state: 'detached' });
  assertAccessible();
});

test("mute a seller from the alert email, see the mute, the listings and a listing's prices", async () => {
  // Still signed in from the first test.
  await page.goto(DASHBOARD_URL);
  await page.getByRole('heading', { name: 'Your alerts' }).waitFor();
  await page.getByRole('button', { name: 'New alert' }).click();
  const form = page.getByRole('form', { name: 'New alert' });
  const mutePhrase = `e2e lens ${Date.now().toString(36)}`;
  await form.getByLabel('Search phrase').fill(mutePhrase);
  await form.getByLabel('Check every').selectOption('2');
  await form.getByRole('button', { name: 'Create alert' }).click();
  await page.getByRole('row').filter({ hasText: mutePhrase }).waitFor();

  // Each listing in the email has "Not interested", "Mute seller" and "Mute a word" links. The
  // link only shows a confirmation page (mail scanners open links); its button POSTs the mute.
  const mail = await waitForMail(email, (m) => m.subject.includes(mutePhrase), 150_000);
  await page.goto(`${MAILDEV_URL}/email/${mail.id}/html`);
  await page.waitForLoadState('load');
  const muteLink = page.getByRole('link', { name: /^Mute seller/ }).first();
  await muteLink.waitFor();
  const muteUrl = await muteLink.getAttribute('href');
  assert.ok(muteUrl && /^https?:\/\//.test(muteUrl), `the email links to the mute: ${muteUrl}`);
  await page.goto(muteUrl);
  // "Mute seller" (this alert); the page also offers "Mute seller for all my alerts".
  const confirm = page.getByRole('button', { name: 'Mute seller', exact: true });
  await confirm.waitFor();
  await screenshot('10-mute-confirmation');
  await confirm.click();
  await page.waitForLoadState('load');
  await page
    .getByText(/\bMuted\b/)
    .first()
    .waitFor();

  // The alert's detail lists the mute.
  await page.goto(DASHBOARD_URL);
  await page.getByRole('button', { name: mutePhrase, exact: true }).click();
  await page.getByRole('tab', { name: 'Muted' }).click();
  const mutes = page.getByRole('region', { name: 'Muted for this alert' });
  await mutes.getByRole('listitem').filter({ hasText: 'Seller' }).first().waitFor();
  assert.match(await mutes.innerText(), /Seller/, 'the muted seller is listed');
  await screenshot('11-mutes');
  await checkAccessibility('alert detail: mutes');

  // What the alert told, and one listing's price history (fetched when opened).
  await page.getByRole('tab', { name: 'Listings' }).click();
  const listings = page.getByRole('tabpanel', { name: 'Listings' });
  const priceHistory = listings.getByRole('button', { name: 'Price history' }).first();
  await priceHistory.waitFor();
  await priceHistory.click();
  assert.equal(await priceHistory.getAttribute('aria-expanded'), 'true');
  // analytics has the listing's prices by now, unless it lags: then the empty state shows.
  await listings
    .getByText(/^Lowest .+, highest .+ over \d+ days?; now /)
    .or(listings.getByText(/^One price recorded: /))
    .or(listings.getByText('No prices recorded for this listing yet.'))
    .first()
    .waitFor();
  await screenshot('12-listings');
  await checkAccessibility('alert detail: listings with a price chart');
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling of the listings at 390 px (overflow ${overflow} px)`);
  await checkAccessibility('listings at phone width');
  await page.setViewportSize({ width: 1280, height: 800 });

  // A browser with the session cookie but nothing stored (storage cleared, another profile's tab)
  // goes straight to the alerts: the app asks the server who is signed in.
  const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await fresh.addCookies(await context.cookies());
    const freshPage = await fresh.newPage();
    freshPage.setDefaultTimeout(15_000);
    await freshPage.goto(DASHBOARD_URL);
    await freshPage.getByRole('heading', { name: 'Your alerts' }).waitFor();
    assert.equal(await freshPage.getByRole('heading', { name: 'Sign in' }).count(), 0, 'no sign-in form');
    assert.ok(await freshPage.getByText(email).isVisible(), 'the signed-in address is shown');
  } finally {
    await fresh.close();
  }

  await page.goto(DASHBOARD_URL);
  await page.getByRole('button', { name: `Delete ${mutePhrase}` }).click();
  await page
    .getByRole('alertdialog')
    .getByRole('button', { name: /Delete/ })
    .click();
  await page.getByRole('row').filter({ hasText: mutePhrase }).waitFor({ state: 'detached' });
  assertAccessible();
});
