// Correcting a record in the browser: the leader registers a leave with a wrong date, corrects it
// (first with a bad date and no reason, then fixed with the keyboard alone) and sees the earlier
// version on the person's page as "Rettet av …".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, newPage, checkAccessibility, login, tabTo, release } from './support.mjs';

test('the leader corrects a leave and sees who corrected it, when and why', async () => {
  const page = await newPage();
  await login(page, 'leder.bergen@demo.alis.no');

  // A new doctor with a leave registered a month too late.
  await page.goto(`${baseUrl}/kommuner/4601/leger/ny`);
  await page.getByLabel('Fullt navn').fill('Rita Retting');
  await page.getByLabel('HPR-nummer').fill('1876099');
  await page.getByLabel('LIS1 fullført').fill('31.08.2026');
  await page.getByLabel('Fra og med').fill('01.09.2026');
  await page.getByLabel('Tjenestested').fill('Sentrum legekontor');
  await page.getByRole('button', { name: 'Registrer legen' }).click();
  await page.waitForURL(/\/personer\/\d+\?lagret=lege$/);
  const personUrl = page.url().replace(/\?.*$/, '');
  await page.getByRole('link', { name: 'Legg til permisjon' }).click();
  await page.getByLabel('Fra og med').fill('01.04.2027');
  await page.getByLabel('Til og med').fill('31.08.2027');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await page.waitForURL(/\?lagret=permisjon$/);

  // The correction form holds the stored values and asks why.
  await page.getByRole('link', { name: /^Rett .*01\.04\.2027/ }).click();
  await page.getByRole('heading', { name: 'Rett permisjon for Rita Retting' }).waitFor();
  assert.equal(await page.getByLabel('Fra og med').inputValue(), '01.04.2027');
  await checkAccessibility(page, 'correct-leave');

  // A bad date and no reason: refused, with both errors, and nothing changed.
  await page.getByLabel('Fra og med').fill('01.03.2027');
  await page.getByLabel('Til og med').fill('31.02.2027');
  await page.getByRole('button', { name: 'Lagre rettingen' }).click();
  await page.getByRole('heading', { name: 'Skjemaet har feil som må rettes' }).waitFor();
  const summary = page.locator('.ds-error-summary');
  assert.equal(await summary.getByRole('link').count(), 2);
  assert.equal(await page.getByLabel('Fra og med').inputValue(), '01.03.2027');
  await checkAccessibility(page, 'correct-leave-errors');

  // Fixed with the keyboard alone: each summary link leads to its field.
  await summary.getByRole('link', { name: /dd\.mm\.åååå/ }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('31.08.2027');
  await summary.getByRole('link', { name: /Fyll ut/ }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Permisjonen startet 1. mars, ikke 1. april.');
  await tabTo(page, page.getByRole('button', { name: 'Lagre rettingen' }));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\?lagret=rettet$/);
  assert.equal(page.url().replace(/\?.*$/, ''), personUrl);

  // The page shows the leave as it is now, and the earlier version with who, when and why.
  await page.getByText('Rettingen er lagret.').waitFor();
  const history = page.getByRole('region', { name: 'Rettinger' });
  assert.match(await history.innerText(), /Før: Foreldrepermisjon, 01\.04\.2027 – 31\.08\.2027/);
  assert.match(
    await history.innerText(),
    /Rettet av .+ \d\d\.\d\d\.\d{4}: Permisjonen startet 1\. mars, ikke 1\. april\./,
  );
  assert.ok(await page.getByText(/01\.03\.2027 – 31\.08\.2027/).first().isVisible());
  await checkAccessibility(page, 'corrected-leave');
  await release(page);
});
