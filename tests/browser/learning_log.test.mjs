// The learning log in the browser (issue 13), against alis demo, with the keyboard alone: the
// doctor records a learning activity (first without a title: refused, what was typed kept), asks
// the invited supervisør to sign it and copies the one-time link; the supervisør, with no session,
// signs through it once, and the link used again, or changed, gets a clear page and no signature.
// The veileder gives advice from the task on the landing page; the leader finds the queue there,
// oldest first, and approves a consulted objective. The doctor invites and withdraws a supervisør.
// Every page is checked with axe-core (WCAG 2.1 A/AA).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newPage, checkAccessibility, login, tabTo, release } from './support.mjs';

// Opens the doctor's learning log from the landing page, as the doctor finds it.
async function openLearningLog(page) {
  await page.getByRole('link', { name: 'Mine opplysninger', exact: true }).click();
  await tabTo(page, page.getByRole('link', { name: 'Læringsmål og læringslogg' }), 200);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/personer\/\d+\/laeringsmaal$/);
}

test('the doctor records an activity and the supervisør signs it once through the link', async () => {
  const page = await newPage();
  await login(page, 'alis@demo.alis.no');
  await openLearningLog(page);
  assert.ok(await page.getByText(/\d+ godkjent, \d+ bedt om godkjenning, \d+ under arbeid/).first().isVisible());
  await checkAccessibility(page, 'learning-log-progress');

  await tabTo(page, page.getByRole('link', { name: 'Ny læringsaktivitet' }).first(), 200);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/aktiviteter\/ny$/);
  await checkAccessibility(page, 'activity-form');
  // A procedure (the second kind, by the arrow key), a date and one objective, but no title.
  await tabTo(page, page.getByLabel('Type aktivitet'));
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.getByLabel('Type aktivitet').inputValue(), 'procedure');
  await tabTo(page, page.getByLabel('Dato'));
  await page.keyboard.type('20.11.2026');
  const objective = page.getByLabel('ALM-010 Kommunikasjon med pasient og pårørende');
  await tabTo(page, objective);
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: 'Registrer aktiviteten' }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Skjemaet har feil som må rettes' }).waitFor();
  assert.equal(await page.getByLabel('Tittel').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('Dato').inputValue(), '20.11.2026');
  assert.equal(await page.getByLabel('Type aktivitet').inputValue(), 'procedure');
  assert.ok(await page.getByLabel('ALM-010 Kommunikasjon med pasient og pårørende').isChecked());
  await checkAccessibility(page, 'activity-form-errors');

  await tabTo(page, page.getByLabel('Tittel'));
  await page.keyboard.type('Samtale med tolk');
  await tabTo(page, page.getByLabel('Refleksjon'));
  await page.keyboard.type('Jeg planla samtalen med tolken på forhånd og sjekket forståelsen underveis.');
  await tabTo(page, page.getByRole('button', { name: 'Registrer aktiviteten' }));
  await page.keyboard.press('Enter');
  await page.getByText('Aktiviteten er registrert.').waitFor();

  // The invited supervisør is asked to sign it: the link is shown to copy.
  const ask = page.getByLabel('Be om signatur av «Samtale med tolk» fra');
  await tabTo(page, ask, 300);
  await tabTo(page, ask.locator('xpath=ancestor::form').getByRole('button', { name: 'Be om signatur' }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Lenken til signering er laget' }).waitFor();
  assert.ok(await page.getByText(/lagt i utboksen til supervisor@demo\.alis\.no/).isVisible());
  const link = await page.getByLabel('Lenke til signering').inputValue();
  assert.match(link, /\/signering\/[0-9a-f]{64}$/);
  await checkAccessibility(page, 'sign-link');

  // The supervisør, with no session, opens the link; signing needs the box ticked.
  const supervisor = await newPage();
  const opened = await supervisor.goto(link);
  assert.equal(opened.status(), 200);
  assert.ok(await supervisor.getByText('Samtale med tolk').isVisible());
  await checkAccessibility(supervisor, 'sign-off');
  await tabTo(supervisor, supervisor.getByRole('button', { name: 'Signer' }));
  await supervisor.keyboard.press('Enter');
  await supervisor.getByText('Kryss av for at du har sett aktiviteten før du signerer.').first().waitFor();
  await checkAccessibility(supervisor, 'sign-off-unconfirmed');
  await tabTo(supervisor, supervisor.getByLabel('Jeg har sett aktiviteten i daglig arbeid'));
  await supervisor.keyboard.press('Space');
  await tabTo(supervisor, supervisor.getByRole('button', { name: 'Signer' }));
  await supervisor.keyboard.press('Enter');
  await supervisor.getByText('Takk! Aktiviteten er signert.').waitFor();

  // Used again, or with one character changed: a clear page, and nothing to sign.
  const again = await supervisor.goto(link);
  assert.equal(again.status(), 410);
  assert.ok(await supervisor.getByText('Lenken er allerede brukt. En lenke kan brukes én gang.').isVisible());
  assert.equal(await supervisor.getByRole('button', { name: 'Signer' }).count(), 0);
  await checkAccessibility(supervisor, 'sign-off-used');
  const changed = link.slice(0, -1) + (link.endsWith('0') ? '1' : '0');
  const tampered = await supervisor.goto(changed);
  assert.equal(tampered.status(), 404);
  assert.ok(await supervisor.getByText(/Lenken er ugyldig/).isVisible());
  assert.equal(await supervisor.getByRole('button', { name: 'Signer' }).count(), 0);
  await release(supervisor);

  // The doctor sees the activity signed.
  await page.goto(page.url().replace(/\/aktiviteter\/.*$/, '/laeringsmaal'));
  const activity = page.locator('li, article, section').filter({ hasText: 'Samtale med tolk' }).last();
  assert.match(await activity.innerText(), /Signert av Supervisør Hansen/);
  await release(page);
});

test('the veileder advises on a requested objective from the landing page', async () => {
  const page = await newPage();
  await login(page, 'veileder@demo.alis.no');
  const task = page.getByRole('link', { name: /^Gi råd om læringsmålet ALM-005 for Elin Gaup/ });
  await tabTo(page, task);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/personer\/\d+\/laeringsmaal\/\d+$/);
  await checkAccessibility(page, 'objective-advice');
  await tabTo(page, page.getByLabel('Jeg anbefaler at læringsmålet godkjennes'));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByLabel('Begrunnelse (valgfritt)'));
  await page.keyboard.type('Drøftet i veiledningen; hun mestrer konsultasjonen.');
  await tabTo(page, page.getByRole('button', { name: 'Gi råd' }));
  await page.keyboard.press('Enter');
  await page.getByText('Det er registrert.').waitFor();
  assert.ok(await page.getByText('Drøftet i veiledningen; hun mestrer konsultasjonen.').isVisible());
  // Given once, the task is gone from the landing page.
  await page.goto(new URL('/meg', page.url()).href);
  assert.equal(await page.getByRole('link', { name: /^Gi råd om læringsmålet ALM-005 for Elin Gaup/ }).count(), 0);
  await release(page);
});

test('the leader finds the queue oldest first and approves a consulted objective', async () => {
  const page = await newPage();
  await login(page, 'leder.bergen@demo.alis.no');
  await tabTo(page, page.getByRole('link', { name: /^Læringsmål som venter på godkjenning i Bergen/ }));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/kommuner\/4601\/godkjenninger$/);
  const rows = page.getByRole('row').filter({ has: page.getByRole('cell') });
  const dates = (await rows.allInnerTexts()).map((text) => {
    const [day, month, year] = text.match(/(\d\d)\.(\d\d)\.(\d{4})/).slice(1);
    return `${year}-${month}-${day}`;
  });
  assert.ok(dates.length >= 2, 'the demo has requests of two doctors');
  assert.deepEqual(dates, [...dates].sort(), 'oldest first');
  await checkAccessibility(page, 'approval-queue');

  const ready = rows.filter({ hasText: 'Veileder og supervisør har gitt råd' }).first();
  const doctor = (await ready.getByRole('cell').first().innerText()).trim();
  await tabTo(page, ready.getByRole('link'));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/personer\/\d+\/laeringsmaal\/\d+$/);
  await checkAccessibility(page, 'objective-decision');
  await tabTo(page, page.getByLabel('Godkjenn læringsmålet'));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: 'Registrer avgjørelsen' }));
  await page.keyboard.press('Enter');
  await page.getByText('Det er registrert.').waitFor();
  assert.ok(await page.getByText('Godkjent', { exact: true }).first().isVisible());

  await page.goto(new URL('/kommuner/4601/godkjenninger', page.url()).href);
  const left = await page.getByRole('row').filter({ has: page.getByRole('cell') }).allInnerTexts();
  assert.ok(!left.some((text) => text.includes(doctor) && text.includes('Veileder og supervisør har gitt råd')),
    `${doctor}'s approved request has left the queue: ${left}`);
  await release(page);
});

test('the doctor invites a supervisør by e-mail and withdraws the invitation', async () => {
  const page = await newPage();
  await login(page, 'alis@demo.alis.no');
  await openLearningLog(page);
  await tabTo(page, page.getByRole('link', { name: 'Supervisører', exact: true }));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/supervisorer$/);
  await checkAccessibility(page, 'invitations');
  await tabTo(page, page.getByLabel('Navn'));
  await page.keyboard.type('Sara Supervisør');
  await tabTo(page, page.getByLabel('E-postadresse'));
  await page.keyboard.type('sara.legevakt');
  await tabTo(page, page.getByRole('button', { name: 'Inviter' }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Skjemaet har feil som må rettes' }).waitFor();
  assert.equal(await page.getByLabel('E-postadresse').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('Navn').inputValue(), 'Sara Supervisør');
  await checkAccessibility(page, 'invitations-errors');

  // Tab selects what the field holds: End, and the address is completed.
  await tabTo(page, page.getByLabel('E-postadresse'));
  await page.keyboard.press('End');
  await page.keyboard.type('@legevakt.no');
  await tabTo(page, page.getByRole('button', { name: 'Inviter' }));
  await page.keyboard.press('Enter');
  await page.getByText('Supervisøren er invitert.').waitFor();
  assert.ok(await page.getByText(/Sara Supervisør \(sara\.legevakt@legevakt\.no\), invitert/).isVisible());

  await tabTo(page, page.getByRole('button', { name: 'Trekk invitasjonen Sara Supervisør' }));
  await page.keyboard.press('Enter');
  await page.getByText('Invitasjonen er trukket.').waitFor();
  // The invitation stays in the list, marked withdrawn, and can no longer be withdrawn.
  const invitation = page.getByRole('listitem').filter({ hasText: 'sara.legevakt@legevakt.no' });
  assert.match(await invitation.innerText(), /trukket \d\d\.\d\d\.\d{4}/);
  assert.equal(await page.getByRole('button', { name: 'Trekk invitasjonen Sara Supervisør' }).count(), 0);
  await release(page);
});
