// The money pages (issue 15): the leader opens the claim of the national grant from the
// overview and reads what stops it, then the coverage of the municipality's ALIS; the national
// administrator reads coverage by centrality class and pay model on the landing page and the
// country's coverage; the regional office reads its pilot budgets; the leader enters the cost
// inputs of one ALIS in the form and reads the computed cost beside it. Each page is checked with
// axe-core and screenshotted like every other page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, newPage, checkAccessibility, login, release } from './support.mjs';

test('the leader reads the claim with what stops it, and the coverage of the costs', async () => {
  const page = await newPage();
  await login(page, 'leder.bergen@demo.alis.no');
  await page.goto(`${baseUrl}/kommuner/4601/oversikt`);
  await page.getByRole('link', { name: /^Tilskuddskrav/ }).click();
  await page.getByRole('heading', { name: /^Tilskuddskrav for Bergen/ }).waitFor();
  await page.getByRole('heading', { name: 'Hva stopper kravet' }).waitFor();
  const stops = await page.locator('table').nth(1).innerText();
  for (const reason of ['Ingen signert ALIS-avtale', 'ALIS-avtalen er signert for sent',
    'Ansatt gjennom vikarbyrå', 'ALIS-avtalen følger ikke den nasjonale malen']) {
    assert.ok(stops.includes(reason), `the claim shows «${reason}»`);
  }
  assert.ok((await page.getByText(/^Søknadsfristen er/).count()) === 1, 'the deadline');
  assert.ok((await page.getByText(/^Anslag:/).count()) >= 1, 'the estimate notice');
  await checkAccessibility(page, 'grant-claim');

  await page.getByRole('link', { name: '2023' }).click();
  await page.waitForURL(/grant_year=2023/);
  await page.getByRole('link', { name: 'Dekning av kostnadene' }).click();
  await page.getByRole('heading', { name: /^Dekning av ALIS-kostnadene: Bergen/ }).waitFor();
  assert.equal(await page.locator('svg.alis-chart[role="img"]').count(), 1, 'one chart');
  assert.ok((await page.getByText('ALIS A (rapportens eksempel)').count()) >= 1, 'ALIS A');
  await checkAccessibility(page, 'coverage-municipality');
  await release(page);
});

test('the national administrator reads coverage by centrality class and pay model', async () => {
  const page = await newPage();
  await login(page, 'helsedirektoratet@demo.alis.no');
  await page.getByRole('heading', { name: 'Etter sentralitetsklasse' }).waitFor();
  await page.getByRole('heading', { name: 'Etter avlønning' }).waitFor();
  await page.getByRole('link', { name: 'Se dekningen for hele landet' }).click();
  await page.getByRole('heading', { name: /^Dekning av ALIS-kostnadene: hele landet/ }).waitFor();
  assert.equal(await page.getByText('ALIS A (rapportens eksempel)').count(), 0, 'no names');
  await checkAccessibility(page, 'coverage-national');
  await release(page);
});

test('the regional office reads its region\'s coverage and the pilot budgets', async () => {
  const page = await newPage();
  await login(page, 'alis-kontor.bergen@demo.alis.no');
  await page.goto(`${baseUrl}/regioner/Bergen/dekning`);
  await page.getByRole('heading', { name: /^Dekning av ALIS-kostnadene: ALIS-kontor Bergen/ }).waitFor();
  await checkAccessibility(page, 'coverage-region');
  await page.goto(`${baseUrl}/regioner/Bergen/budsjett`);
  await page.getByRole('heading', { name: 'Pilotbudsjetter, ALIS-kontor Bergen' }).waitFor();
  assert.ok((await page.getByText('ALIS-Vest: 12 kandidater, 5 år').count()) >= 1, 'ALIS-Vest');
  await checkAccessibility(page, 'budgets');
  await release(page);
});

test('the leader enters an ALIS\'s costs in kroner and reads the computed cost beside the form', async () => {
  const page = await newPage();
  await login(page, 'leder.bergen@demo.alis.no');
  await page.goto(`${baseUrl}/kommuner/4601/dekning`);
  await page.getByRole('heading', { name: /^Dekning av ALIS-kostnadene: Bergen/ }).waitFor();
  await page.locator('table th[scope="row"] a.ds-link').first().click();
  await page.getByRole('heading', { name: /^Kostnader for .* i 2025$/ }).waitFor();
  await page.getByLabel(/^Lønn/).fill('1 234 567,5O');
  await page.getByRole('button', { name: 'Lagre kostnadene' }).click();
  await page.getByRole('heading', { name: 'Skjemaet har feil som må rettes' }).waitFor();
  assert.equal(await page.getByLabel(/^Lønn/).inputValue(), '1 234 567,5O', 'kept as typed');
  assert.equal(await page.getByLabel(/^Lønn/).getAttribute('aria-invalid'), 'true');
  assert.ok((await page.locator('#salary-error').innerText()).startsWith('Skriv beløpet i kroner'));
  await checkAccessibility(page, 'cost-form-error');

  await page.getByLabel(/^Lønn/).fill('1 234 567,50');
  await page.getByRole('button', { name: 'Lagre kostnadene' }).click();
  await page.getByText(/^Kostnadene er lagret/).waitFor();
  await page.getByRole('heading', { name: 'Beregnet for 2025 fra det som er lagret' }).waitFor();
  const figures = await page.locator('dl.alis-facts').innerText();
  assert.ok(figures.includes('Kostnad før tilskudd') && figures.includes('Dekning'), figures);
  assert.equal(await page.getByLabel(/^Lønn/).inputValue(), '1\u00a0234\u00a0567,50', 'saved');
  await checkAccessibility(page, 'cost-form');
  await release(page);
});
