// The pages no journey file visits on its way: the employment and leave forms (with bad input,
// then corrected), the password confirmation and the error page. Each is checked with axe-core
// and screenshotted like every other page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, password, newPage, checkAccessibility, login, release } from './support.mjs';

// The address of the first doctor in the leader's overview.
async function firstTraineeUrl(page) {
  await page.goto(`${baseUrl}/kommuner/4601/oversikt`);
  return new URL(await page.locator('tbody th a').first().getAttribute('href'), baseUrl).href;
}

test('the employment and leave forms refuse bad input next to the field, then save', async () => {
  const page = await newPage();
  await login(page, 'leder.bergen@demo.alis.no');
  const person = await firstTraineeUrl(page);

  await page.goto(`${person}/ansettelser/ny`);
  await page.getByRole('heading', { name: /^Ny ansettelse for / }).waitFor();
  await checkAccessibility(page, 'employment-form');
  await page.getByLabel('Fra og med').fill('31.02.2027');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await page.getByRole('heading', { name: 'Skjemaet har feil som må rettes' }).waitFor();
  assert.equal(await page.getByLabel('Fra og med').inputValue(), '31.02.2027', 'the input is kept');
  await checkAccessibility(page, 'employment-form-errors');

  await page.goto(`${person}/permisjoner/ny`);
  await page.getByRole('heading', { name: /^Ny permisjon for / }).waitFor();
  await checkAccessibility(page, 'leave-form');
  await page.getByLabel('Fra og med').fill('01.03.2027');
  await page.getByLabel('Til og med').fill('01.02.2027');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await page.getByRole('heading', { name: 'Skjemaet har feil som må rettes' }).waitFor();
  await checkAccessibility(page, 'leave-form-errors');
  await page.getByLabel('Til og med').fill('30.04.2027');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await page.waitForURL((url) => url.href.startsWith(person) && !url.pathname.endsWith('/ny'));
  await page.getByText('30.04.2027').first().waitFor();
  await release(page);
});

test('the password confirmation and the error page are accessible', async () => {
  const page = await newPage();
  await login(page, 'admin@demo.alis.no');
  await page.goto(`${baseUrl}/bekreft-passord`);
  await page.getByLabel('Passord').waitFor();
  await checkAccessibility(page, 'confirm-password');
  await page.getByLabel('Passord').fill(password);
  await page.getByRole('button', { name: /Bekreft/ }).click();
  const missing = await page.goto(`${baseUrl}/kommuner/4601/finnes-ikke`);
  assert.equal(missing.status(), 404);
  await checkAccessibility(page, 'not-found');
  await release(page);
});

test('the veileder makes a calendar address, shown once, and turns it off', async () => {
  const page = await newPage();
  await login(page, 'veileder@demo.alis.no');
  await checkAccessibility(page, 'me-calendar');
  await page.getByRole('button', { name: 'Lag kalenderadresse' }).click();
  await page.getByRole('heading', { name: 'Din kalenderadresse' }).waitFor();
  const url = await page.getByTestId('calendar-url').inputValue();
  assert.match(url, /\/kalender\/[0-9a-f]{64}$/);
  await checkAccessibility(page, 'calendar-address');
  const feed = await page.request.get(url);
  assert.equal(feed.status(), 200);
  assert.match(await feed.text(), /^BEGIN:VCALENDAR\r\n/);
  await page.getByRole('link', { name: 'Tilbake til Min side' }).click();
  await page.getByRole('button', { name: 'Slå av kalenderadressen' }).click();
  await page.getByText('Kalenderadressen er slått av.').waitFor();
  assert.equal((await page.request.get(url)).status(), 404);
  await release(page);
});
