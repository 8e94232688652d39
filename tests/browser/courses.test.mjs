// Completed courses (issue 14) in the browser, against alis demo: the trainee finds their courses
// from their record, records a completed course with its certificate using the keyboard, first
// with a text file renamed to .pdf (refused, what was typed kept), then with a real PDF, and sees
// it listed while the required course no longer shows as missing. Every page is checked with
// axe-core (WCAG 2.1 A/AA) and screenshotted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, checkAccessibility, login, tabTo, release } from './support.mjs';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

test('the trainee records a completed course with its certificate by keyboard', async () => {
  const page = await newPage();
  await login(page, 'alis@demo.alis.no');
  await page.getByRole('link', { name: 'Mine opplysninger', exact: true }).click();
  await page.getByRole('heading', { name: 'Kurs som mangler' }).waitFor();
  const coursesLink = page.getByRole('link', { name: 'Fullførte kurs og kursbevis' });
  await tabTo(page, coursesLink, 200);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/personer\/\d+\/kurs$/);
  // The demo has the first course of the ruleset with its certificate; the second is missing.
  assert.ok(await page.getByRole('row', { name: /Kurs i akuttmedisin og legevaktarbeid/ }).isVisible());
  assert.ok(await page.getByRole('listitem').filter({ hasText: 'Kurs i kommunikasjon og veiledning' }).isVisible());
  await checkAccessibility(page, 'courses');

  await tabTo(page, page.getByRole('link', { name: 'Registrer et fullført kurs' }));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/kurs\/ny$/);
  await checkAccessibility(page, 'course-form');
  // The second course of the list, chosen with the arrow key; the hours left for the course's.
  await tabTo(page, page.getByLabel('Kurs', { exact: true }));
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.getByLabel('Kurs', { exact: true }).inputValue(), 'veiledning_og_kommunikasjon');
  await tabTo(page, page.getByLabel('Fullført dato'));
  await page.keyboard.type('15.10.2026');
  // A text file renamed to .pdf: refused by its content, not its name.
  await page.getByLabel('Kursbevis').setInputFiles({
    name: 'kursbevis.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Dette er bare tekst.\n'),
  });
  await tabTo(page, page.getByRole('button', { name: 'Registrer kurset' }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Skjemaet har feil som må rettes' }).waitFor();
  assert.equal(await page.getByLabel('Kursbevis').getAttribute('aria-invalid'), 'true');
  assert.ok(await page.getByText(/må være en PDF-, PNG- eller JPEG-fil/).first().isVisible());
  assert.equal(await page.getByLabel('Fullført dato').inputValue(), '15.10.2026');
  assert.equal(await page.getByLabel('Kurs', { exact: true }).inputValue(), 'veiledning_og_kommunikasjon');
  await checkAccessibility(page, 'course-form-errors');

  await page.getByLabel('Kursbevis').setInputFiles({ name: 'kursbevis.pdf', mimeType: 'application/pdf', buffer: pdf });
  await tabTo(page, page.getByRole('button', { name: 'Registrer kurset' }));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/kurs\?lagret=registrert$/);
  assert.ok(await page.getByText('Kurset er registrert med kursbeviset.').isVisible());
  const row = page.getByRole('row', { name: /Kurs i kommunikasjon og veiledning/ });
  assert.match(await row.innerText(), /15\.10\.2026/);
  assert.match(await row.innerText(), /15/);
  assert.ok(await row.getByRole('link', { name: 'Last ned kursbevis.pdf' }).isVisible());
  assert.ok(await page.getByText('Alle kursene regelverket krever, er registrert som fullført.').isVisible());
  await checkAccessibility(page, 'courses-recorded');
  await release(page);
});
