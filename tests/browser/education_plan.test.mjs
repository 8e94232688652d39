// Journey 4 in the browser: the individual education plan. The trainee opens their plan, submits
// a revision with bad input, corrects it and sees it in the history; the print view; the leader
// revises with the keyboard alone. Every page is checked with axe-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, newPage, checkAccessibility, login, release } from './support.mjs';

let planUrl;

test('the trainee opens the plan, corrects a bad revision and sees it in the history', async () => {
  const page = await newPage({ width: 390, height: 844 }); // A phone.
  await login(page, 'alis@demo.alis.no');
  await page.getByRole('link', { name: 'Mine opplysninger', exact: true }).click();
  await page.getByRole('link', { name: 'Individuell utdanningsplan' }).click();
  await page.waitForURL(/\/personer\/\d+\/utdanningsplan$/);
  planUrl = page.url();
  await page.getByRole('heading', { name: 'Revisjoner' }).waitFor();
  assert.ok(await page.getByText('Revisjon 3,').first().isVisible());
  assert.ok(await page.getByRole('heading', { name: 'Plan og faktisk utdanningsløp' }).isVisible());
  await checkAccessibility(page, 'education-plan-phone');

  await page.getByRole('link', { name: 'Revider planen' }).click();
  await page.waitForURL(/\/utdanningsplan\/revider$/);
  await checkAccessibility(page, 'education-plan-form');
  const keptPlace = await page.locator('#period_1_place').inputValue();
  assert.ok(keptPlace.length > 0, 'the form is prefilled with the current plan');
  const originalTo = await page.locator('#period_1_to').inputValue();
  // Bad input: a date that does not exist and a position over 100 %.
  await page.locator('#period_1_to').fill('31.02.2030');
  await page.locator('#period_1_fte').fill('150');
  await page.getByRole('button', { name: 'Lagre revisjon' }).click();
  await page.getByText('Skjemaet har feil som må rettes').waitFor();
  assert.equal(await page.locator('#period_1_to-error').textContent(),
    'Skriv datoen som dd.mm.åååå, for eksempel 22.11.2026.');
  assert.equal(await page.locator('#period_1_fte-error').textContent(),
    'Skriv et helt tall fra 1 til 100.');
  assert.equal(await page.locator('#period_1_to').inputValue(), '31.02.2030', 'input kept');
  assert.equal(await page.locator('#period_1_to').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('[aria-invalid="true"]').count(), 2, 'only the two bad fields');
  await checkAccessibility(page, 'education-plan-form-errors');

  // Corrected.
  await page.locator('#period_1_to').fill(originalTo);
  await page.locator('#period_1_fte').fill('100');
  await page.locator('#note').fill('Rettet etter samtale med veileder');
  await page.getByRole('button', { name: 'Lagre revisjon' }).click();
  await page.waitForURL(/\/utdanningsplan\?lagret=1$/);
  await page.getByText('Revisjonen er lagret.').waitFor();
  assert.ok(await page.getByText('Revisjon 4,').first().isVisible());
  assert.ok(await page.getByText('Rettet etter samtale med veileder').isVisible());
  await checkAccessibility(page, 'education-plan-saved');
  await release(page);
});

test('the print view is a clean document with signature lines', async () => {
  const page = await newPage();
  await login(page, 'alis@demo.alis.no');
  await page.goto(planUrl);
  await page.getByRole('link', { name: 'Utskrift for signering' }).click();
  await page.waitForURL(/\/utdanningsplan\/utskrift$/);
  await page.getByRole('heading', { name: 'Underskrifter' }).waitFor();
  await checkAccessibility(page, 'education-plan-print');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('header.alis-header').isVisible(), false, 'no navigation');
  assert.equal(await page.getByRole('link', { name: 'Tilbake til utdanningsplanen' }).isVisible(), false);
  assert.equal(await page.getByText('Dato og underskrift').count(), 3);
  await page.screenshot({ path: 'test-output/browser/education-plan-print-media.png', fullPage: true });
  await release(page);
});

test('the leader revises the plan with the keyboard alone', async () => {
  const page = await newPage();
  await login(page, 'leder.bergen@demo.alis.no');
  await page.goto(planUrl);
  await page.getByRole('link', { name: 'Revider planen' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/utdanningsplan\/revider$/);
  await page.locator('#note').focus();
  await page.keyboard.type('Gjennomgått i årlig samtale');
  await page.keyboard.press('Tab'); // The save button.
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/utdanningsplan\?lagret=1$/);
  assert.ok(await page.getByText('Gjennomgått i årlig samtale').isVisible());
  assert.ok(await page.getByText('Ingen endringer; planen er gjennomgått.').first().isVisible());
  await checkAccessibility(page, 'education-plan-leader');
  await release(page);
});
