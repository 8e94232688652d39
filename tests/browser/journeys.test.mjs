// Browser tests: the real alis server (alis demo on a temporary database), driven by Debian's
// Chromium through playwright-core. Every page is checked with axe-core (WCAG 2.1 A/AA) and
// screenshotted into test-output/browser/. Run by CTest (`make test`) as: node --test tests/browser
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, password, newPage, checkAccessibility, login, tabTo, release } from './support.mjs';

test('the public front page lists municipalities by ALIS office and is accessible', async () => {
  const page = await newPage();
  await page.goto(`${baseUrl}/`);
  await assert.doesNotReject(page.getByRole('heading', { name: 'ALIS-kontor Bergen' }).waitFor());
  assert.ok(await page.getByRole('rowheader', { name: 'Ålesund' }).isVisible());
  await checkAccessibility(page, 'front-page');
  await release(page);
});

test('login with bad input shows an error summary, then succeeds with the keyboard alone', async () => {
  const page = await newPage();
  await page.goto(`${baseUrl}/logg-inn`);
  await checkAccessibility(page, 'login');
  // Wrong password first: the error summary is shown and the e-mail kept.
  await page.keyboard.press('Tab'); // skip link
  await page.keyboard.press('Tab'); // alis
  await page.keyboard.press('Tab'); // log in link
  await page.keyboard.press('Tab'); // e-mail
  await page.keyboard.type('leder.bergen@demo.alis.no');
  await page.keyboard.press('Tab');
  await page.keyboard.type('feil-passord-1234');
  await page.keyboard.press('Enter');
  await page.getByText('Feil e-post eller passord.').first().waitFor();
  assert.equal(await page.getByLabel('E-post').inputValue(), 'leder.bergen@demo.alis.no');
  await checkAccessibility(page, 'login-error');
  // Corrected, with the keyboard: focus the password field and submit with Enter.
  await page.getByLabel('Passord').focus();
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/meg$/);
  await checkAccessibility(page, 'my-page-leader');
  await release(page);
});

test('the leader opens the overview, sorts it and reaches a training path', async () => {
  const page = await newPage();
  await login(page, 'leder.bergen@demo.alis.no');
  await page.getByRole('link', { name: 'Leger i spesialisering' }).click();
  await page.waitForURL(/\/kommuner\/4601\/oversikt/);
  await checkAccessibility(page, 'leader-overview');
  await page.getByRole('link', { name: 'Fremdrift' }).click();
  await page.waitForURL(/sorter=fremdrift/);
  const firstTrainee = page.locator('tbody th a').first();
  await firstTrainee.click();
  await page.waitForURL(/\/personer\/\d+$/);
  await page.getByRole('heading', { name: 'Utdanningsløp' }).waitFor();
  assert.ok(await page.getByRole('img', { name: 'Tidslinje' }).isVisible());
  await checkAccessibility(page, 'training-path');
  await release(page);
});

test('the trainee sees their record and who has looked at it', async () => {
  const page = await newPage({ width: 390, height: 844 }); // A phone.
  await login(page, 'alis@demo.alis.no');
  await page.getByRole('link', { name: 'Mine opplysninger', exact: true }).click();
  await page.getByRole('heading', { name: 'Utdanningsløp' }).waitFor();
  await checkAccessibility(page, 'trainee-record-phone');
  await page.goto(`${baseUrl}/meg/innsyn`);
  await page.getByRole('heading', { name: 'Hvem har sett mine opplysninger' }).waitFor();
  await checkAccessibility(page, 'who-looked');
  await release(page);
});

test('another municipality\'s leader is refused, and the refusal page is accessible', async () => {
  const page = await newPage();
  await login(page, 'leder.tromso@demo.alis.no');
  const response = await page.goto(`${baseUrl}/kommuner/4601/oversikt`);
  assert.equal(response.status(), 403);
  await page.getByText('Du har ikke tilgang til dette.').waitFor();
  await checkAccessibility(page, 'forbidden');
  await release(page);
});

test('the administrator sees accounts; logging out ends the session', async () => {
  const page = await newPage();
  await login(page, 'admin@demo.alis.no');
  await page.goto(`${baseUrl}/admin/kontoer`);
  await page.getByRole('heading', { name: 'Kontoer' }).waitFor();
  await checkAccessibility(page, 'accounts');
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await page.waitForURL(`${baseUrl}/`);
  const again = await page.goto(`${baseUrl}/admin/kontoer`);
  assert.match(again.url(), /\/logg-inn\?neste=\/admin\/kontoer$/);
  await release(page);
});

test('with the keyboard alone the leader sorts the overview and opens a training path', async () => {
  const page = await newPage();
  await login(page, 'leder.bergen@demo.alis.no');
  await tabTo(page, page.getByRole('link', { name: 'Leger i spesialisering' }));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/kommuner\/4601\/oversikt/);
  await tabTo(page, page.getByRole('link', { name: 'Fremdrift' }));
  await page.keyboard.press('Enter');
  await page.waitForURL(/sorter=fremdrift/);
  const first = page.locator('tbody th a').first();
  const name = await first.innerText();
  await tabTo(page, first, 200);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/personer\/\d+$/);
  await page.getByRole('heading', { name: new RegExp(name) }).waitFor();
  await checkAccessibility(page, 'training-path-keyboard');
  await release(page);
});
