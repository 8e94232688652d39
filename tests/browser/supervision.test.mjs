// Individual supervision (issue 14) in the browser, against alis demo: the trainee plans a
// meeting with the keyboard alone, fixing bad input; the veileder writes the minutes and closes
// it; the leader sees the meeting and the overview's supervision column, never the minutes. Every
// page is checked with axe-core (WCAG 2.1 A/AA) and screenshotted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, newPage, checkAccessibility, login, tabTo, release } from './support.mjs';

const secret = 'Privat: legen vurderer å bytte spesialitet.';
let meetingUrl;

test('the trainee plans a supervision meeting with the keyboard alone, fixing bad input', async () => {
  const page = await newPage();
  await login(page, 'alis@demo.alis.no');
  await page.getByRole('link', { name: 'Mine opplysninger', exact: true }).click();
  await page.getByRole('heading', { name: 'Veiledningstimer mot normen' }).waitFor();
  assert.ok(await page.locator('svg[aria-labelledby="supervision-chart-title supervision-chart-desc"]').isVisible());
  await checkAccessibility(page, 'supervision-person');
  await page.getByRole('link', { name: 'Veiledning: møter og timer' }).click();
  await page.waitForURL(/\/personer\/\d+\/veiledning$/);
  assert.ok(await page.getByRole('table', { name: 'Veiledningsmøter' }).isVisible());
  await checkAccessibility(page, 'supervision-meetings');

  const plan = page.getByRole('link', { name: 'Planlegg et veiledningsmøte' });
  await tabTo(page, plan);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/veiledning\/ny$/);
  await checkAccessibility(page, 'supervision-plan-form');
  // Bad input: a day that does not exist and no topics.
  await tabTo(page, page.getByLabel('Dato'));
  await page.keyboard.type('31.02.2026');
  await page.getByLabel('Varighet (minutter)').fill('90');
  await page.getByRole('button', { name: 'Lagre møtet' }).click();
  await page.getByRole('heading', { name: 'Skjemaet har feil som må rettes' }).waitFor();
  assert.equal(await page.getByLabel('Dato').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('Temaer').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('Varighet (minutter)').inputValue(), '90');
  await checkAccessibility(page, 'supervision-plan-form-errors');
  await page.getByLabel('Dato').fill('10.11.2026');
  await tabTo(page, page.getByLabel('Temaer'));
  await page.keyboard.type('Forberedelse til akuttkurset i januar');
  await tabTo(page, page.getByRole('button', { name: 'Lagre møtet' }));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/veiledning\?lagret=planlagt$/);
  const row = page.getByRole('row', { name: /Forberedelse til akuttkurset i januar/ });
  assert.match(await row.innerText(), /10\.11\.2026/);
  assert.match(await row.innerText(), /Planlagt/);
  await row.getByRole('link').click();
  await page.waitForURL(/\/veiledning\/\d+$/);
  meetingUrl = page.url();
  // The trainee may change the meeting, not close it.
  assert.ok(await page.getByRole('link', { name: 'Endre møtet' }).isVisible());
  assert.equal(await page.getByRole('button', { name: 'Lukk møtet' }).count(), 0);
  await checkAccessibility(page, 'supervision-meeting-trainee');
  await release(page);
});

test('the veileder writes the minutes, closes the meeting and adds an addendum', async () => {
  const page = await newPage();
  await login(page, 'veileder@demo.alis.no');
  await page.goto(meetingUrl);
  await page.getByRole('link', { name: 'Endre møtet' }).click();
  await page.waitForURL(/\/endre$/);
  await page.getByLabel('Referat').fill(secret);
  await page.getByRole('button', { name: 'Lagre møtet' }).click();
  await page.waitForURL(/\?lagret=endret$/);
  assert.ok(await page.getByText(secret).isVisible());
  await checkAccessibility(page, 'supervision-meeting-veileder');
  await page.getByRole('button', { name: 'Lukk møtet' }).click();
  await page.waitForURL(/\?lagret=lukket$/);
  assert.equal(await page.getByRole('link', { name: 'Endre møtet' }).count(), 0);
  await page.getByRole('link', { name: 'Skriv et tillegg' }).click();
  await page.getByLabel('Tillegg', { exact: true }).fill('Avtalt oppfølging i desember.');
  await page.getByRole('button', { name: 'Lagre tillegget' }).click();
  await page.waitForURL(/\?lagret=tillegg$/);
  assert.ok(await page.getByText('Avtalt oppfølging i desember.').isVisible());
  await checkAccessibility(page, 'supervision-meeting-closed');
  await release(page);
});

test('the leader sees the meeting and the supervision column, never the minutes', async () => {
  const page = await newPage();
  await login(page, 'leder.bergen@demo.alis.no');
  await page.goto(meetingUrl);
  assert.ok(await page.getByText('Referatet er privat mellom veilederen og legen i spesialisering.').isVisible());
  assert.equal(await page.getByText(secret).count(), 0);
  assert.equal(await page.getByText('Avtalt oppfølging i desember.').count(), 0);
  await checkAccessibility(page, 'supervision-meeting-leader');
  await page.goto(`${baseUrl}/kommuner/4601/oversikt`);
  assert.ok(await page.getByRole('columnheader', { name: 'Veiledning siste 3 mnd.' }).isVisible());
  assert.ok(await page.getByText('Under normen de siste 3 månedene').first().isVisible(),
    'the demo has trainees under the norm');
  await checkAccessibility(page, 'overview-supervision');
  await release(page);
});

test('the leader creates a supervision group, adds a doctor and records a meeting with the forms', async () => {
  const page = await newPage();
  await login(page, 'leder.bergen@demo.alis.no');
  await page.goto(`${baseUrl}/kommuner/4601/veiledningsgrupper`);
  await page.getByRole('heading', { name: /^Veiledningsgrupper i / }).waitFor();
  await checkAccessibility(page, 'supervision-groups');
  await page.getByRole('link', { name: 'Ny veiledningsgruppe' }).click();
  await page.getByRole('heading', { name: /^Ny veiledningsgruppe i / }).waitFor();
  await checkAccessibility(page, 'supervision-group-new');
  await page.getByLabel('Navn på gruppen').fill('Nettlesergruppen');
  await page.getByLabel('Startdato').fill('01.01.2026');
  // No group supervisor chosen: refused beside the field, the name kept.
  await page.getByRole('button', { name: 'Opprett gruppen' }).click();
  await page.getByRole('heading', { name: 'Skjemaet har feil som må rettes' }).waitFor();
  assert.equal(await page.getByLabel('Gruppeveileder').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('Navn på gruppen').inputValue(), 'Nettlesergruppen');
  await checkAccessibility(page, 'supervision-group-new-errors');
  await page.getByLabel('Gruppeveileder').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Opprett gruppen' }).click();
  await page.getByText('Lagret.').waitFor();
  await page.getByRole('link', { name: /^Legg til deltaker.*Nettlesergruppen$/ }).click();
  await page.getByLabel('Lege').selectOption({ index: 1 });
  const member = (await page.getByLabel('Lege').locator('option:checked').innerText()).trim();
  await page.getByLabel('Med fra').fill('01.01.2026');
  await checkAccessibility(page, 'supervision-group-member');
  await page.getByRole('button', { name: 'Legg til deltakeren' }).click();
  await page.getByText('Lagret.').waitFor();
  await page.getByRole('link', { name: /^Registrer samling.*Nettlesergruppen$/ }).click();
  await page.getByLabel('Dato').fill('15.01.2026');
  await page.getByLabel('Varighet i minutter').fill('120');
  await page.getByLabel('Tema').fill('Kasus fra legevakten');
  await page.getByLabel(member).check();
  await checkAccessibility(page, 'supervision-group-meeting');
  await page.getByRole('button', { name: 'Registrer samlingen' }).click();
  await page.getByText('Lagret.').waitFor();
  assert.match(await page.locator('section', { has: page.getByRole('heading', { name: 'Nettlesergruppen' }) }).innerText(), /1 av 1/);
  await release(page);
});
