// The signed training record (issue 13): the demo trainee opens her record from her page, prints
// it or downloads the signed file, and anyone checks the file on the public page; a file changed
// by one byte gets the Norwegian error page. Each page is checked with axe-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, newPage, checkAccessibility, login, release } from './support.mjs';

test('the doctor downloads her signed record, and a changed copy is refused on the check page', async () => {
  const page = await newPage();
  await login(page, 'alis@demo.alis.no');
  await page.getByRole('link', { name: 'Mine opplysninger', exact: true }).click();
  await page.getByRole('link', { name: /^Utdanningsattest/ }).click();
  await page.getByRole('heading', { name: /^Utdanningsattest for / }).waitFor();
  await page.getByRole('heading', { name: 'Godkjente læringsmål' }).waitFor();
  await checkAccessibility(page, 'training-record');
  const href = await page.getByRole('link', { name: 'Last ned signert utdanningsattest (JSON)' }).getAttribute('href');
  const record = await (await page.request.get(`${baseUrl}${href}`)).text();
  assert.match(record, /^\{"format":"alis-training-record","version":1,/);
  await release(page);

  const visitor = await newPage();
  await visitor.goto(`${baseUrl}/utdanningsattest/sjekk`);
  await visitor.getByRole('heading', { name: 'Kontroller en utdanningsattest' }).waitFor();
  await checkAccessibility(visitor, 'training-record-check');
  await visitor.getByLabel('Attestfil (JSON)').setInputFiles({ name: 'attest.json', mimeType: 'application/json', buffer: Buffer.from(record) });
  await visitor.getByRole('button', { name: 'Kontroller' }).click();
  await visitor.getByTestId('check-outcome').waitFor();
  assert.match(await visitor.getByTestId('check-outcome').innerText(), /Signaturen er gyldig/);
  await checkAccessibility(visitor, 'training-record-check-ok');

  // One more month counted: still JSON, no longer what was signed.
  const tampered = record.replace(/"total_months":"(\d)/, (_, d) => `"total_months":"${d === '9' ? '8' : String(Number(d) + 1)}`);
  assert.notEqual(tampered, record);
  await visitor.getByLabel('Attestfil (JSON)').setInputFiles({ name: 'attest.json', mimeType: 'application/json', buffer: Buffer.from(tampered) });
  await visitor.getByRole('button', { name: 'Kontroller' }).click();
  await visitor.getByTestId('check-outcome').waitFor();
  const outcome = await visitor.getByTestId('check-outcome').innerText();
  assert.match(outcome, /Attesten kan ikke godtas/);
  assert.match(outcome, /Signaturen stemmer ikke/);
  await checkAccessibility(visitor, 'training-record-check-refused');
  await release(visitor);
});
