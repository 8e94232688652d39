// Journey 6: the municipality's general education plan. An anonymous visitor reads it from the
// front page; the leader adds a learning arena with bad input, corrects it with the keyboard
// alone, and sees it on the public page. axe-core checks every page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, newPage, checkAccessibility, login, release } from './support.mjs';

test('an anonymous visitor reads Bergen\'s general education plan from the front page', async () => {
  const page = await newPage();
  await page.goto(`${baseUrl}/`);
  await page.getByRole('link', { name: /^Bergen – generell utdanningsplan$/ }).click();
  await page.waitForURL(/\/kommuner\/4601\/utdanningsplan$/);
  await page.getByRole('heading', { name: 'Generell utdanningsplan for Bergen' }).waitFor();
  assert.ok(await page.getByText('Registrert som utdanningsvirksomhet fra 20.01.2020.').first().isVisible());
  assert.ok(await page.getByRole('heading', { name: 'Haukeland universitetssjukehus' }).isVisible());
  assert.ok(await page.getByRole('rowheader', { name: 'Overordnet ansvar' }).isVisible());
  assert.ok(await page.getByText(/^Sist endret \d\d\.\d\d\.\d{4}\.$/).isVisible());
  await checkAccessibility(page, 'general-plan-public');
  await release(page);
});

test('a municipality without a plan says so on a phone', async () => {
  const page = await newPage({ width: 390, height: 844 });
  const response = await page.goto(`${baseUrl}/kommuner/3301/utdanningsplan`);
  assert.equal(response.status(), 200);
  await page.getByText('Drammen har ikke publisert en generell utdanningsplan i alis ennå.').waitFor();
  await checkAccessibility(page, 'general-plan-none-phone');
  await release(page);
});

test('the leader adds an arena with bad input, corrects it with the keyboard, and it is published', async () => {
  const page = await newPage();
  await login(page, 'leder.bergen@demo.alis.no');
  await page.getByRole('link', { name: 'Leger i spesialisering' }).click();
  await page.waitForURL(/\/kommuner\/4601\/oversikt/);
  await page.getByRole('link', { name: 'Rediger den generelle utdanningsplanen' }).click();
  await page.waitForURL(/\/kommuner\/4601\/utdanningsplan\/rediger$/);
  await checkAccessibility(page, 'general-plan-edit');

  // Bad input: no kind chosen, a name, no description of what the arena offers.
  await page.getByLabel('Navn', { exact: true }).fill('Loddefjord legekontor');
  await page.getByRole('button', { name: 'Legg til arena' }).click();
  await page.getByRole('heading', { name: 'Skjemaet har feil som må rettes' }).waitFor();
  assert.equal(await page.getByLabel('Navn', { exact: true }).inputValue(), 'Loddefjord legekontor');
  assert.equal(await page.getByLabel('Type arena').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('Hva arenaen tilbyr').getAttribute('aria-invalid'), 'true');
  await checkAccessibility(page, 'general-plan-edit-errors');

  // Corrected with the keyboard alone.
  await page.getByLabel('Type arena').focus();
  await page.keyboard.press('ArrowDown'); // From "Velg" to Legekontor.
  assert.equal(await page.getByLabel('Type arena').inputValue(), 'gp_office');
  await page.keyboard.press('Tab'); // Navn, kept
  await page.keyboard.press('Tab'); // Hva arenaen tilbyr
  await page.keyboard.type('Fastlegepraksis med ALIS-stilling. Akutte og kroniske sykdommer.');
  await page.keyboard.press('Tab'); // The button.
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/utdanningsplan\/rediger\?lagret=arena$/);
  await page.getByText('Læringsarenaen er lagret og publisert.').waitFor();
  await checkAccessibility(page, 'general-plan-edit-saved');

  // The public page shows it, without login.
  const visitor = await newPage();
  await visitor.goto(`${baseUrl}/kommuner/4601/utdanningsplan`);
  await visitor.getByRole('heading', { name: 'Loddefjord legekontor' }).waitFor();
  assert.ok(await visitor.getByText('Fastlegepraksis med ALIS-stilling.', { exact: false }).isVisible());
  await release(visitor);

  // The arena's own edit page.
  await page.getByRole('link', { name: 'Endre Loddefjord legekontor' }).click();
  await page.waitForURL(/\/utdanningsplan\/arenaer\/\d+$/);
  await checkAccessibility(page, 'general-plan-arena');
  await release(page);
});

test('the leader changes the status with bad dates, then corrects them with the keyboard', async () => {
  const page = await newPage();
  await login(page, 'leder.tromso@demo.alis.no');
  await page.goto(`${baseUrl}/kommuner/5501/utdanningsplan/rediger`);
  await page.getByLabel('Status', { exact: true }).selectOption('temporarily_registered');
  await page.getByLabel('Gjelder fra').fill('01.06.2020');
  await page.getByLabel(/^Midlertidig registrert til/).fill('01.05.2020');
  await page.getByRole('button', { name: 'Lagre status' }).click();
  await page.getByText('Sluttdatoen kan ikke være før fra-datoen.').first().waitFor();
  assert.equal(await page.getByLabel('Gjelder fra').inputValue(), '01.06.2020');
  await checkAccessibility(page, 'general-plan-status-errors');
  await page.getByLabel(/^Midlertidig registrert til/).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('31.12.2099');
  await page.keyboard.press('Enter');
  await page.waitForURL(/lagret=status$/);
  await page.getByText('Midlertidig registrert fra 01.06.2020 til 31.12.2099.').first().waitFor();
  await release(page);
});
