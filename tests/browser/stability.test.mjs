// The stability pages (issue 16): the national administrator lands on the country's figures,
// opens the curves, chooses another grouping with the plain form (no script), and reads the
// calendar view; the leader reads their municipality's curves. Each page is checked with axe-core
// and screenshotted like every other page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, newPage, checkAccessibility, login, release } from './support.mjs';

test('the national administrator reads the stability curves and the calendar view', async () => {
  const page = await newPage();
  await login(page, 'helsedirektoratet@demo.alis.no');
  await page.getByRole('heading', { name: 'Nasjonal oversikt' }).waitFor();
  await checkAccessibility(page, 'national-landing');

  await page.getByRole('link', { name: 'Se stabilitetskurvene for hele landet' }).click();
  await page.getByRole('heading', { name: 'Stabilitet i hele landet' }).waitFor();
  assert.equal(await page.locator('svg.alis-chart[role="img"]').count(), 1, 'one chart');
  await checkAccessibility(page, 'stability-national');

  // The plain GET form: another grouping, and the chart has a line per size band shown.
  await page.getByLabel('Gruppert etter').selectOption('size_band');
  await page.getByRole('button', { name: 'Vis' }).click();
  await page.waitForURL(/group=size_band/);
  assert.ok(await page.locator('path.alis-km-line').count() >= 2, 'a curve per size band');
  await checkAccessibility(page, 'stability-national-size-band');

  await page.getByRole('link', { name: /^Måned for måned/ }).click();
  await page.getByRole('heading', { name: /^Måned for måned/ }).waitFor();
  await checkAccessibility(page, 'stability-calendar-national');
  await release(page);
});

test('the leader reads the curves of their municipality', async () => {
  const page = await newPage();
  await login(page, 'leder.bergen@demo.alis.no');
  await page.goto(`${baseUrl}/kommuner/4601/stabilitet?outcome=in_training&group=pay_model`);
  await page.getByRole('heading', { name: 'Stabilitet i Bergen' }).waitFor();
  await checkAccessibility(page, 'stability-municipality');
  await release(page);
});
