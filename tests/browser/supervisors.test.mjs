// Journeys 5 (supervisors) and 7 (the regional office) in the browser, against alis demo. Every
// page is checked with axe-core (WCAG 2.1 A/AA) and screenshotted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, newPage, checkAccessibility, login, release } from './support.mjs';

// Presses Tab until the focused element satisfies `wanted` (evaluated in the page), at most
// `limit` times; fails when it never does.
async function tabTo(page, wanted, limit = 60) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(wanted)) return;
  }
  assert.fail(`Tab never reached the element: ${wanted}`);
}

let assignedTrainee;

test('the leader registers a supervisor with bad input, corrects it, and assigns a trainee over capacity', async () => {
  const page = await newPage();
  await login(page, 'leder.bergen@demo.alis.no');
  await page.getByRole('link', { name: 'Veiledere', exact: true }).click();
  await page.waitForURL(/\/kommuner\/4601\/veiledere$/);
  const demoSupervisor = page.getByRole('row', { name: /Øyvind Ærø-Ås/ });
  assert.match(await demoSupervisor.innerText(), /2 av 2/);
  assert.match(await demoSupervisor.innerText(), /Full/);
  assert.match(await page.getByRole('row', { name: /Astrid Askøy-Berg/ }).innerText(), /Interkommunal avtale/);
  await checkAccessibility(page, 'supervisors-list');

  await page.getByRole('link', { name: 'Registrer veileder' }).click();
  await page.waitForURL(/\/veiledere\/ny$/);
  await checkAccessibility(page, 'supervisor-form');
  // Bad input: an approved experienced GP without the approval's date and reason, from Askøy
  // without an agreement.
  await page.getByLabel('Navn', { exact: true }).fill('Hilde Haugland');
  await page.getByLabel('Kvalifikasjon').selectOption('approved_experienced');
  await page.getByLabel('Dato for godkjenningen').fill('31.02.2025');
  await page.getByLabel('Legekontor').fill('Nordre legesenter');
  await page.getByLabel('Hjemkommune').selectOption('4627');
  await page.getByRole('button', { name: 'Registrer veileder' }).click();
  await page.getByRole('heading', { name: 'Skjemaet har feil som må rettes' }).waitFor();
  assert.equal(await page.getByLabel('Navn', { exact: true }).inputValue(), 'Hilde Haugland');
  assert.equal(await page.getByLabel('Dato for godkjenningen').getAttribute('aria-invalid'), 'true');
  assert.ok(await page.locator('#approval_reason-error').isVisible());
  assert.ok(await page.locator('#agreement_reference-error').isVisible());
  await checkAccessibility(page, 'supervisor-form-errors');
  // Corrected.
  await page.getByLabel('Dato for godkjenningen').fill('01.03.2025');
  await page.getByLabel('Begrunnelse for godkjenningen').fill('Femten års erfaring som fastlege i Askøy.');
  await page.getByLabel('Avtalens referanse eller tittel').fill('Avtale om interkommunal veiledning Bergen–Askøy');
  await page.getByLabel('Avtalens dato').fill('01.02.2024');
  await page.getByRole('button', { name: 'Registrer veileder' }).click();
  await page.waitForURL(/\/kommuner\/4601\/veiledere$/);
  assert.match(await page.getByRole('row', { name: /Hilde Haugland/ }).innerText(),
    /Erfaren allmennlege godkjent av kommunen 01\.03\.2025/);

  // Another trainee gets the demo supervisor, who is full: confirm.
  await page.goto(`${baseUrl}/kommuner/4601/oversikt`);
  const row = page.locator('tbody tr').filter({ hasNotText: 'Øyvind Ærø-Ås' }).first();
  assignedTrainee = await row.locator('th a').innerText();
  await row.getByRole('link', { name: /Velg veileder/ }).click();
  await page.waitForURL(/\/personer\/\d+\/veileder$/);
  await checkAccessibility(page, 'supervisor-assignment');
  const option = page.locator('#supervisor option', { hasText: 'Øyvind Ærø-Ås' });
  await page.getByLabel('Veileder', { exact: true }).selectOption(await option.getAttribute('value'));
  await page.getByRole('button', { name: 'Lagre veileder' }).click();
  await page.getByRole('heading', { name: 'Veilederen er full' }).waitFor();
  await checkAccessibility(page, 'supervisor-assignment-over-capacity');
  await page.getByLabel('Jeg bekrefter at veilederen får flere ALIS enn kapasiteten.').check();
  await page.getByRole('button', { name: 'Lagre veileder' }).click();
  await page.waitForURL(/\/kommuner\/4601\/veiledere$/);
  const full = page.getByRole('row', { name: /Øyvind Ærø-Ås/ });
  assert.match(await full.innerText(), /3 av 2/);
  assert.match(await full.innerText(), /Over kapasitet/);
  await checkAccessibility(page, 'supervisors-list-over-capacity');
  await release(page);
});

test('the leader raises the capacity with the keyboard alone, and the warning goes', async () => {
  const page = await newPage();
  await login(page, 'leder.bergen@demo.alis.no');
  await page.goto(`${baseUrl}/kommuner/4601/veiledere`);
  await tabTo(page, () => document.activeElement?.textContent === 'Endre kapasitet');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/veiledere\/kapasitet$/);
  await checkAccessibility(page, 'supervisor-capacity');
  await tabTo(page, () => document.activeElement?.id === 'max_trainees');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('11');
  await page.keyboard.press('Enter');
  await page.getByText('Skriv et helt tall fra 1 til 10.').first().waitFor();
  await checkAccessibility(page, 'supervisor-capacity-error');
  await tabTo(page, () => document.activeElement?.id === 'max_trainees');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('4');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/kommuner\/4601\/veiledere$/);
  assert.match(await page.getByRole('row', { name: /Øyvind Ærø-Ås/ }).innerText(), /3 av 4/);
  assert.equal(await page.getByText('Over kapasitet').count(), 0);
  await release(page);
});

test('the supervisor logs in and sees the trainee', async () => {
  assert.ok(assignedTrainee, 'the assignment test ran first');
  const page = await newPage({ width: 390, height: 844 }); // A phone.
  await login(page, 'veileder@demo.alis.no');
  await page.getByRole('link', { name: 'Mine leger i spesialisering' }).click();
  await page.waitForURL(/\/meg\/veiledning$/);
  await checkAccessibility(page, 'my-trainees-phone');
  await page.getByRole('link', { name: assignedTrainee, exact: true }).click();
  await page.waitForURL(/\/personer\/\d+$/);
  await page.getByRole('heading', { name: 'Utdanningsløp' }).waitFor();
  await release(page);
});

test('the regional office opens its region and a municipality\'s overview', async () => {
  const page = await newPage();
  await login(page, 'alis-kontor.bergen@demo.alis.no');
  await page.getByRole('link', { name: 'Kommunene i regionen' }).click();
  await page.waitForURL(/\/regioner\/Bergen$/);
  await page.getByRole('heading', { name: 'Kommunene i ALIS-kontor Bergen' }).waitFor();
  assert.ok(await page.getByRole('columnheader', { name: 'Fare for forsinkelse' }).isVisible());
  assert.ok(await page.getByRole('columnheader', { name: 'Læringsmål som venter på godkjenning' }).isVisible());
  await checkAccessibility(page, 'region');
  // Bergen's demo doctors have requests waiting: the count opens the municipality's queue.
  await page.locator('a[href="/kommuner/4601/godkjenninger"]').click();
  await page.waitForURL(/\/kommuner\/4601\/godkjenninger$/);
  await page.goBack();
  await page.waitForURL(/\/regioner\/Bergen$/);
  await page.getByRole('link', { name: 'Bergen', exact: true }).click();
  await page.waitForURL(/\/kommuner\/4601\/oversikt$/);
  assert.equal(await page.getByRole('link', { name: 'Veiledere og kapasitet' }).count(), 0);
  await checkAccessibility(page, 'region-municipality-overview');
  await release(page);
});
