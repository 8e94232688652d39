// Journey 2 in the browser: the leader registers a new doctor in training with bad input, corrects
// it with the keyboard alone, then adds a service period to the new record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, newPage, checkAccessibility, login, release } from './support.mjs';

test('the leader registers a doctor, fixing bad input, and adds a service period', async () => {
  const page = await newPage();
  await login(page, 'leder.bergen@demo.alis.no');
  await page.goto(`${baseUrl}/kommuner/4601/oversikt`);
  await page.getByRole('link', { name: 'Registrer ny lege' }).click();
  await page.waitForURL(/\/kommuner\/4601\/leger\/ny$/);
  await checkAccessibility(page, 'register-trainee');

  // Bad input: an impossible date, a short HPR number, a position over 100 %.
  await page.getByLabel('Fullt navn').fill('Åse Ødegård-Ås');
  await page.getByLabel('HPR-nummer').fill('123');
  await page.getByLabel('LIS1 fullført').fill('31.08.2026');
  await page.getByLabel('Fra og med').fill('31.09.2026');
  await page.getByLabel('Stillingsprosent').fill('120');
  await page.getByLabel('Tjenestested').fill('Sentrum legekontor');
  await page.getByRole('button', { name: 'Registrer legen' }).click();
  await page.getByRole('heading', { name: 'Skjemaet har feil som må rettes' }).waitFor();
  const summary = page.locator('.ds-error-summary');
  assert.equal(await summary.getByRole('link').count(), 3);
  assert.equal(await page.getByLabel('Fullt navn').inputValue(), 'Åse Ødegård-Ås');
  assert.equal(await page.getByLabel('Tjenestested').inputValue(), 'Sentrum legekontor');
  await checkAccessibility(page, 'register-trainee-errors');

  // Corrected with the keyboard alone: follow each summary link to its field and retype.
  await summary.getByRole('link', { name: /HPR-nummeret/ }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1876543');
  await summary.getByRole('link', { name: /dd\.mm\.åååå/ }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('01.09.2026');
  await summary.getByRole('link', { name: /helt tall/ }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('80');
  await page.keyboard.press('Enter'); // submits the form
  await page.waitForURL(/\/personer\/\d+\?lagret=lege$/);
  await page.getByText('Legen er registrert.').waitFor();
  assert.ok(await page.getByRole('cell', { name: 'Sentrum legekontor', exact: true }).isVisible());
  await checkAccessibility(page, 'registered-trainee');

  // A service period at the hospital, on a phone-sized screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('link', { name: 'Legg til tjenesteperiode' }).click();
  await page.getByLabel('Arena').selectOption('institution');
  await page.getByLabel('Tjenestested').fill('Haukeland universitetssjukehus');
  await page.getByLabel('Fra og med').fill('01.09.2027');
  await page.getByLabel('Til og med').fill('29.02.2028');
  await page.getByLabel('Stillingsprosent').fill('100');
  await page.getByRole('button', { name: 'Lagre' }).click();
  // 80 % in the practice and 100 % at the hospital at once is refused.
  await page.getByText('blir stillingen 180 % fra 01.09.2027').first().waitFor();
  await checkAccessibility(page, 'service-period-errors');
  await page.getByLabel('Stillingsprosent').fill('20');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await page.waitForURL(/\?lagret=periode$/);
  assert.ok(await page.getByRole('cell', { name: 'Haukeland universitetssjukehus', exact: true }).isVisible());
  await checkAccessibility(page, 'service-period-saved-phone');
  await release(page);
});
