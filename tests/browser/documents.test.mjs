// Agreements signed in alis (issue 17): the demo trainee opens the agreement the leader has
// signed, signs it (the login is the fresh password), and anyone checks the signed PDF on the
// public page; the demo veileder signs the agreement with Bergen from the task list, and the
// leader makes its next version. Each page is checked with axe-core and screenshotted like every
// other page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, newPage, checkAccessibility, login, release } from './support.mjs';

test('the doctor signs the agreement the leader signed, and the file checks out', async () => {
  const page = await newPage();
  await login(page, 'alis@demo.alis.no');
  await page.getByRole('link', { name: 'Mine opplysninger', exact: true }).click();
  await page.getByRole('link', { name: 'Avtaler og signering' }).click();
  await page.getByRole('heading', { name: /^Avtaler for / }).waitFor();
  await checkAccessibility(page, 'agreements');
  await page.getByRole('link', { name: 'Versjon 1' }).first().click();
  await page.getByRole('heading', { name: /^ALIS-avtale for / }).waitFor();
  assert.equal(await page.getByTestId('document-status').innerText(), 'Delvis signert');
  await checkAccessibility(page, 'signed-document');
  await page.getByRole('button', { name: 'Signer som Lege i spesialisering' }).click();
  await page.getByText('Alle parter har nå signert').waitFor();
  assert.equal(await page.getByTestId('document-status').innerText(), 'Signert av alle parter');
  const pdfUrl = await page.getByRole('link', { name: 'Åpne dokumentet som PDF' }).getAttribute('href');
  const pdf = await (await page.request.get(`${baseUrl}${pdfUrl}`)).body();
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  await release(page);

  const visitor = await newPage();
  await visitor.goto(`${baseUrl}/dokumenter/kontroll`);
  await visitor.getByRole('heading', { name: 'Kontroller et dokument' }).waitFor();
  await checkAccessibility(visitor, 'document-check');
  await visitor.getByLabel('PDF-fil').setInputFiles({ name: 'avtale.pdf', mimeType: 'application/pdf', buffer: pdf });
  await visitor.getByRole('button', { name: 'Kontroller' }).click();
  await visitor.getByTestId('check-outcome').waitFor();
  assert.match(await visitor.getByTestId('check-outcome').innerText(), /nøyaktig den signerte versjonen/);
  await checkAccessibility(visitor, 'document-check-result');
  await release(visitor);
});

test('the administrator puts a new version of a template in force, after a refused one', async () => {
  const page = await newPage();
  await login(page, 'admin@demo.alis.no');
  await page.getByRole('link', { name: 'Dokumentmaler' }).click();
  await page.getByRole('heading', { name: 'Dokumentmaler' }).waitFor();
  await checkAccessibility(page, 'document-templates');
  await page.getByRole('link', { name: 'Generell utdanningsplan' }).click();
  await page.getByRole('heading', { name: /^Dokumentmal:/ }).waitFor();
  const source = page.getByLabel('Malfilen');
  const text = await source.inputValue();
  assert.match(text, /^kind = "general-plan"/);
  // The same version again is refused, with the reason, and the text stays in the form.
  await page.getByRole('button', { name: 'Ta i bruk som ny versjon' }).click();
  await page.getByText(/finnes alt for denne malen/).waitFor();
  assert.equal(await source.getAttribute('aria-invalid'), 'true');
  assert.equal(await source.inputValue(), text);
  await checkAccessibility(page, 'document-template-refused');
  await source.fill(text.replace(/^version = "[^"]*"/m, 'version = "2026-12-02-nettleser"'));
  await page.getByRole('button', { name: 'Ta i bruk som ny versjon' }).click();
  await page.getByText('Versjon 2026-12-02-nettleser er tatt i bruk.').waitFor();
  await checkAccessibility(page, 'document-template');
  await release(page);
});

test('the veileder signs the agreement with Bergen from the task list, and the leader makes the next version', async () => {
  const page = await newPage();
  await login(page, 'veileder@demo.alis.no');
  await page.getByRole('link', { name: /^Signer veiledningsavtalen med Bergen kommune/ }).click();
  await page.getByRole('heading', { name: /^Veiledningsavtale med / }).waitFor();
  assert.equal(await page.getByTestId('document-status').innerText(), 'Delvis signert');
  await checkAccessibility(page, 'supervision-agreement-version');
  await page.getByRole('button', { name: 'Signer som Veileder' }).click();
  await page.getByText('Alle parter har nå signert').waitFor();
  assert.equal(await page.getByTestId('document-status').innerText(), 'Signert av alle parter');
  await release(page);

  const leader = await newPage();
  await login(leader, 'leder.bergen@demo.alis.no');
  await leader.goto(`${baseUrl}/kommuner/4601/veiledere`);
  await leader.getByRole('link', { name: /^Avtale signert i alis/ }).first().click();
  await leader.getByRole('heading', { name: /^Veiledningsavtale med / }).waitFor();
  await checkAccessibility(leader, 'supervision-agreement');
  // A mistake is answered beside the field, and what was typed stays.
  await leader.getByLabel('Honorar eller frikjøp').fill('frikjøp 10 % av stillingen');
  await leader.getByLabel('Avtalen gjelder fra').fill('01.01.2027');
  await leader.getByLabel(/^Avtalen gjelder til/).fill('01.12.2026');
  await leader.getByRole('button', { name: 'Lag avtaledokument' }).click();
  await leader.getByText('Sluttdatoen kan ikke være før startdatoen.').first().waitFor();
  assert.equal(await leader.getByLabel('Honorar eller frikjøp').inputValue(), 'frikjøp 10 % av stillingen');
  await checkAccessibility(leader, 'supervision-agreement-refused');
  await leader.getByLabel(/^Avtalen gjelder til/).fill('');
  await leader.getByRole('button', { name: 'Lag avtaledokument' }).click();
  await leader.getByTestId('document-status').waitFor();
  assert.equal(await leader.getByTestId('document-status').innerText(), 'Utkast, ikke signert');
  await leader.getByRole('button', { name: 'Signer som For kommunen' }).waitFor();
  await release(leader);
});
